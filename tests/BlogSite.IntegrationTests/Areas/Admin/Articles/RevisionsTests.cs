using System.Net;
using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

public sealed class RevisionsTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private const string FirstBody = "Line one\nLine two\nLine three\n";
    private const string SecondBody = "Line one\nLine 2\nLine three\n";

    /// <summary>An article saved twice: the first revision has <see cref="FirstBody"/>, the current text <see cref="SecondBody"/>.</summary>
    private async Task<(HttpClient Author, int Id, List<ArticleRevision> Revisions)> SavedTwiceAsync()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug();
        var id = await EditorData.CreateAsync(author, slug, title: "First title", body: FirstBody);
        var save = await EditorData.SaveAsync(author, EditorData.EditPath(id), EditorData.Fields("Second title", slug, SecondBody));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        return (author, id, await EditorData.RevisionsAsync(factory, id));
    }

    [Fact]
    public async Task EverySave_AddsOneRevision_ListedNewestFirst()
    {
        var (author, id, revisions) = await SavedTwiceAsync();

        Assert.Equal(["First title", "Second title"], revisions.Select(r => r.Title));
        Assert.Equal([FirstBody, SecondBody], revisions.Select(r => r.Body));
        var page = await BlogFactory.ParseAsync(await author.GetAsync($"/admin/articles/{id}/revisions"));
        var rows = page.QuerySelectorAll("table.admin-table tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("Second title", rows[0].Children[2].TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("First title", rows[1].Children[2].TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revision_Compared_ShowsRemovedAndAddedLines()
    {
        var (author, id, revisions) = await SavedTwiceAsync();

        var response = await author.GetAsync($"/admin/articles/{id}/revisions?revision={revisions[0].Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Equal(["− Line two"], page.QuerySelectorAll(".diff__lines .diff__line--removed").Select(l => l.TextContent.Trim()));
        Assert.Equal(["+ Line 2"], page.QuerySelectorAll(".diff__lines .diff__line--added").Select(l => l.TextContent.Trim()));
        Assert.Equal("First title", page.QuerySelector(".diff del")!.TextContent);
        Assert.Equal("Second title", page.QuerySelector(".diff ins")!.TextContent);
    }

    [Fact]
    public async Task Revision_OfAnotherArticle_Returns404()
    {
        var (author, id, _) = await SavedTwiceAsync();
        var (_, _, others) = await SavedTwiceAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/admin/articles/{id}/revisions?revision={others[0].Id}")).StatusCode);
    }

    [Fact]
    public async Task Restore_PutsTheRevisionBack_AsANewRevisionNotedRestored()
    {
        var (author, id, revisions) = await SavedTwiceAsync();
        var path = $"/admin/articles/{id}/revisions";

        var form = await EditorData.RestoreFormAsync(author, path, "revision", revisions[0].Id);
        var response = await Forms.PostAsync(author, form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EditorData.EditPath(id), response.Headers.Location!.PathAndQuery());
        var article = await EditorData.FindAsync(factory, id);
        Assert.Equal(("First title", FirstBody), (article!.Title, article.Body.Markdown));
        var after = await EditorData.RevisionsAsync(factory, id);
        Assert.Equal(3, after.Count);
        Assert.StartsWith("Restored", after[^1].Note, StringComparison.Ordinal);
        Assert.Equal(("First title", FirstBody), (after[^1].Title, after[^1].Body));
        var page = await BlogFactory.ParseAsync(await author.GetAsync(path));
        Assert.Contains("Restored", page.QuerySelectorAll("table.admin-table tbody tr")[0].TextContent, StringComparison.Ordinal);
    }
}
