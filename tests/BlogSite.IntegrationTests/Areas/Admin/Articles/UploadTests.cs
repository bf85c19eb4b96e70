using System.Net;
using System.Text;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

public sealed class UploadTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private const string UploadPath = "/admin/articles/upload";

    private static string Markdown(string slug, string extra = "", string title = "Uploaded article") =>
        $"---\ntitle: {title}\nslug: {slug}\ncategory: Uploads\ntags: [upload, markdown]\n{extra}---\nUploaded *words*.\n";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var form = await EditorData.FormAsync(client, UploadPath, "form[enctype='multipart/form-data']");
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await client.PostAsync(UploadPath, content);
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response) =>
        (await BlogFactory.ParseAsync(response)).QuerySelectorAll(".form__errors li").Select(li => li.TextContent.Trim()).ToList();

    private Task<bool> ExistsAsync(string slug) =>
        factory.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Slug == slug));

    [Fact]
    public async Task Upload_ValidFile_BecomesADraftOfTheUploader_AndOpensInTheEditor()
    {
        var (author, name) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("upload");

        var response = await UploadAsync(author, "post.md", Encoding.UTF8.GetBytes(Markdown(slug)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var article = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Tags).SingleAsync(a => a.Slug == slug));
        Assert.Equal(EditorData.EditPath(article.Id), response.Headers.Location!.PathAndQuery());
        Assert.Equal((ArticleStatus.Draft, "Uploaded article", name), (article.Status, article.Title, article.AuthorName));
        Assert.Equal("Uploaded *words*.\n", article.Body.Markdown);
        Assert.Equal(["markdown", "upload"], article.Tags.Select(t => t.Slug).Order());
        Assert.Null(article.SourcePath);
        Assert.Equal("Uploaded post.md", Assert.Single(await EditorData.RevisionsAsync(factory, article.Id)).Note);
        Assert.Equal(HttpStatusCode.NotFound, (await EditorData.ReadAsync(factory, "/articles/" + slug)).StatusCode);
        var editor = await BlogFactory.ParseAsync(await author.GetAsync(response.Headers.Location));
        Assert.Contains("is now a draft", editor.QuerySelector(".notice[role='status']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_UnknownField_IsNamedInTheAnswer_AndIgnored()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("upload");

        var response = await UploadAsync(author, "typo.md", Encoding.UTF8.GetBytes(Markdown(slug, extra: "draf: false\n")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var editor = await BlogFactory.ParseAsync(await author.GetAsync(response.Headers.Location));
        var notice = editor.QuerySelector(".notice[role='status']")!.TextContent;
        Assert.Contains("is now a draft", notice, StringComparison.Ordinal);
        Assert.Contains("draf: not a front matter field", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_MoreTagsThanTheEditorTakes_Is422_NamingTags()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("upload");
        var tags = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"t{i}"));

        var response = await UploadAsync(author, "tags.md", Encoding.UTF8.GetBytes($"---\ntitle: T\nslug: {slug}\ncategory: Uploads\ntags: [{tags}]\n---\nText.\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("tags:", Assert.Single(await ErrorsAsync(response)), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(slug));
    }

    [Fact]
    public async Task Upload_AliasChainInFrontMatter_Is422Quickly_NamingTheLine_AndNothingStored()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("laughs");
        // Billion laughs in 2 KB: each line lists the one before nine times.
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x]" };
        lines.AddRange(Enumerable.Range(1, 11).Select(i => $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]"));
        var file = $"---\ntitle: Laughs\nslug: {slug}\ncategory: Tech\n{string.Join('\n', lines)}\n---\nBody.\n";
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var response = await UploadAsync(author, "laughs.md", Encoding.UTF8.GetBytes(file));

        // Expanding the aliases would hold a core for good; the bound is loose for a busy machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"answered in {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["line 5: YAML anchors and aliases (&a0, *a0) are not allowed in front matter"], await ErrorsAsync(response));
        Assert.False(await ExistsAsync(slug));
    }

    [Fact]
    public async Task Upload_DraftFalse_Publishes()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("upload");

        var response = await UploadAsync(author, slug + ".md", Encoding.UTF8.GetBytes(Markdown(slug, "draft: false\n")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await EditorData.ReadAsync(factory, "/articles/" + slug)).StatusCode);
        Assert.True(await EditorData.IsOnHomeAsync(factory, slug));
    }

    [Fact]
    public async Task Upload_FrontMatterErrors_Returns422_NamingEachField_AndStoresNothing()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("upload");
        var text = $"---\nslug: {slug}\ncategory: Uploads\ndate: next tuesday\n---\nBody.\n";

        var response = await UploadAsync(author, "broken.md", Encoding.UTF8.GetBytes(text));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains(errors, e => e.StartsWith("title:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("date:", StringComparison.Ordinal) && e.Contains("next tuesday", StringComparison.Ordinal));
        Assert.False(await ExistsAsync(slug));
    }

    [Fact]
    public async Task Upload_DuplicateSlug_Returns422_NamingTheSlug()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);

        var response = await UploadAsync(author, "again.md", Encoding.UTF8.GetBytes(Markdown(EditorData.ContentSlug, title: "Copy")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("slug:", Assert.Single(await ErrorsAsync(response)), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Copy")));
    }

    [Fact]
    public async Task Upload_NotUtf8_Returns422_AndStoresNothing()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("upload");
        byte[] bytes = [0xFF, 0xFE, .. Encoding.UTF8.GetBytes(Markdown(slug))];

        var response = await UploadAsync(author, "utf16.md", bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not UTF-8", Assert.Single(await ErrorsAsync(response)), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(slug));
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("picture.png")]
    public async Task Upload_NotMarkdownName_Returns422_AndStoresNothing(string fileName)
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("upload");

        var response = await UploadAsync(author, fileName, Encoding.UTF8.GetBytes(Markdown(slug)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal($"{fileName} is not a Markdown file: upload a .md file with front matter.", Assert.Single(await ErrorsAsync(response)));
        Assert.False(await ExistsAsync(slug));
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_Returns413_AndStoresNothing()
    {
        using var small = new BlogFactory();
        small.Settings["Content:MaxFileBytes"] = "1000";
        var (author, _) = await AdminData.SignInAsync(small, Roles.Author);
        var slug = EditorData.NewSlug("upload");
        var text = Markdown(slug) + new string('x', 1000) + "\n";

        var response = await UploadAsync(author, "long.md", Encoding.UTF8.GetBytes(text));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most", Assert.Single(await ErrorsAsync(response)), StringComparison.Ordinal);
        Assert.False(await small.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Slug == slug)));
    }
}
