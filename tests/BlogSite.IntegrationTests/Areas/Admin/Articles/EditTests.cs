using System.Net;
using AngleSharp.Html.Dom;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

public sealed class EditTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task NewArticle_SavedAsDraft_IsHiddenFromReaders_AndShownToStaff()
    {
        var (author, name) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("draft");

        var id = await EditorData.CreateAsync(author, slug, title: "A draft in the editor", body: "Draft words *here*.\n");

        var article = await EditorData.FindAsync(factory, id);
        Assert.Equal((ArticleStatus.Draft, slug, name), (article!.Status, article.Slug, article.AuthorName));
        Assert.Equal(HttpStatusCode.NotFound, (await EditorData.ReadAsync(factory, "/articles/" + slug)).StatusCode);
        Assert.False(await EditorData.IsOnHomeAsync(factory, slug));

        var (moderator, _) = await AdminData.SignInAsync(factory, Roles.Moderator);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync($"/admin/preview/{id}")).StatusCode);
        var preview = await author.GetAsync($"/admin/preview/{id}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await BlogFactory.ParseAsync(preview);
        Assert.Equal("A draft in the editor", page.QuerySelector("h1.article__title")!.TextContent.Trim());
        Assert.Equal("here", page.QuerySelector(".article__body em")!.TextContent);

        var row = await EditorData.ListRowAsync(author, id);
        Assert.NotNull(row);
        Assert.Equal("Draft", row.QuerySelector(".status-badge")!.TextContent.Trim());
        Assert.NotNull(await EditorData.ListRowAsync(author, id, "?status=Draft"));
        Assert.Null(await EditorData.ListRowAsync(author, id, "?status=Published"));
    }

    [Fact]
    public async Task Save_AfterCreate_RedirectsToTheEditor_WithTheSavedForm()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug();
        var id = await EditorData.CreateAsync(author, slug);

        var response = await EditorData.SaveAsync(author, EditorData.EditPath(id), EditorData.Fields("Second title", slug, "Second body\n"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EditorData.EditPath(id), response.Headers.Location!.PathAndQuery());
        var page = await BlogFactory.ParseAsync(await author.GetAsync(response.Headers.Location));
        Assert.Equal("Saved.", page.QuerySelector(".notice[role='status']")!.TextContent.Trim());
        Assert.Equal("Second title", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal("Second body\n", ((IHtmlTextAreaElement)page.QuerySelector("#body-input")!).Value);
        Assert.Equal(2, (await EditorData.RevisionsAsync(factory, id)).Count);
    }

    [Fact]
    public async Task Save_TitleOnly_StoresADraftWithAnEmptyBody()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);

        var id = await EditorData.CreateAsync(author, EditorData.NewSlug(), body: "");

        Assert.Equal("", (await EditorData.FindAsync(factory, id))!.Body.Markdown);
    }

    [Theory]
    [InlineData("", "", "Input.Title", "Give the article a title.")]
    [InlineData("Bad slug", "Not A Slug!", "Input.Slug", "can't be a slug")]
    [InlineData("Taken slug", EditorData.ContentSlug, "Input.Slug", "already has the slug 'reading-go-stack-traces'")]
    public async Task Save_InvalidField_Returns422_WithTheErrorByTheField_AndStoresNothing(string title, string slug, string field, string message)
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var body = "Typed text that must survive " + AdminData.Marker() + "\n";

        var response = await EditorData.SaveAsync(author, EditorData.NewArticlePath, EditorData.Fields(title, slug, body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("Nothing was saved", page.QuerySelector(".form__errors[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector($".field__error[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, Forms.DescriptionOfInvalid(page, field), StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("#editor-form [aria-invalid='true']"));
        Assert.Equal(body, ((IHtmlTextAreaElement)page.QuerySelector("#body-input")!).Value);
        Assert.False(await factory.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Body.Markdown == body)));
        Assert.False(await factory.WithDbAsync(db => db.ArticleRevisions.AnyAsync(r => r.Body == body)));
    }

    [Fact]
    public async Task ContentArticle_Get_ShowsDisabledFieldsAndTheSourceFile()
    {
        var (admin, _) = await AdminData.SignInAsync(factory, Roles.Admin);
        var article = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Slug == EditorData.ContentSlug));

        var response = await admin.GetAsync(EditorData.EditPath(article.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#editor-form fieldset[disabled]"));
        Assert.Contains("content/" + article.SourcePath, page.QuerySelector(".notice code")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/admin/articles/{article.Id}/delete']"));
    }

    [Fact]
    public async Task ContentArticle_Save_Returns409_AndChangesNothing()
    {
        var (admin, _) = await AdminData.SignInAsync(factory, Roles.Admin);
        var before = await factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Slug == EditorData.ContentSlug));

        var response = await EditorData.SaveAsync(admin, EditorData.EditPath(before.Id),
            new Dictionary<string, string> { ["Input.Title"] = "Overwritten", ["Input.Body"] = "Overwritten\n" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("content/", (await BlogFactory.ParseAsync(response)).QuerySelector(".form__errors")!.TextContent, StringComparison.Ordinal);
        var after = await EditorData.FindAsync(factory, before.Id);
        Assert.Equal((before.Title, before.Body.Markdown, before.UpdatedAt), (after!.Title, after.Body.Markdown, after.UpdatedAt));
        Assert.Empty(await EditorData.RevisionsAsync(factory, before.Id));
    }

    [Fact]
    public async Task SlugChange_OfPublishedArticle_OldSlugAnswers301ToTheNewOne()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var oldSlug = EditorData.NewSlug("old");
        var newSlug = EditorData.NewSlug("new");
        var id = await EditorData.CreateAsync(author, oldSlug, ArticleStatus.Published, title: "Moving house");
        Assert.Equal(HttpStatusCode.OK, (await EditorData.ReadAsync(factory, "/articles/" + oldSlug)).StatusCode);

        var save = await EditorData.SaveAsync(author, EditorData.EditPath(id), new Dictionary<string, string> { ["Input.Slug"] = newSlug });

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var old = await EditorData.ReadAsync(factory, "/articles/" + oldSlug);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/articles/" + newSlug, old.Headers.Location!.PathAndQuery());
        Assert.Equal(HttpStatusCode.OK, (await EditorData.ReadAsync(factory, "/articles/" + newSlug)).StatusCode);
    }

    [Fact]
    public async Task SlugChange_OfDraft_LeavesNoRedirect()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var oldSlug = EditorData.NewSlug("old");
        var id = await EditorData.CreateAsync(author, oldSlug);

        var save = await EditorData.SaveAsync(author, EditorData.EditPath(id), new Dictionary<string, string> { ["Input.Slug"] = EditorData.NewSlug("new") });

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EditorData.ReadAsync(factory, "/articles/" + oldSlug)).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.SlugRedirects.AnyAsync(r => r.OldSlug == oldSlug)));
    }
}
