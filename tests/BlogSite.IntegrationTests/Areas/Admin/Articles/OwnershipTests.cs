using System.Net;
using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

/// <summary>Authors write their own articles, Admins everyone's; Moderators and readers don't write.</summary>
public sealed class OwnershipTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task OtherAuthorsArticle_AsAuthor_Returns403AndChangesNothing()
    {
        var (owner, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var id = await EditorData.CreateAsync(owner, EditorData.NewSlug(), title: "Mine alone");
        var (other, _) = await AdminData.SignInAsync(factory, Roles.Author);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(EditorData.EditPath(id))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/admin/articles/{id}/revisions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/admin/articles/{id}/delete")).StatusCode);

        // The other author's own new-article form carries a valid token for them; only the target differs.
        var form = await EditorData.FormAsync(other, EditorData.NewArticlePath, "#editor-form");
        var save = await Forms.PostAsync(other, form, EditorData.Fields("Taken over", EditorData.NewSlug()), path: EditorData.EditPath(id));
        var delete = await Forms.PostAsync(other, form, new Dictionary<string, string>(), path: $"/admin/articles/{id}/delete");

        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        var article = await EditorData.FindAsync(factory, id);
        Assert.Equal("Mine alone", article!.Title);
        Assert.Null(article.DeletedAt);
        Assert.Single(await EditorData.RevisionsAsync(factory, id));
        Assert.Null(await EditorData.ListRowAsync(other, id));
    }

    [Fact]
    public async Task AuthorsArticle_AsAdmin_OpensSavesAndShowsRevisions()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug();
        var id = await EditorData.CreateAsync(author, slug);
        var (admin, _) = await AdminData.SignInAsync(factory, Roles.Admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(EditorData.EditPath(id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/articles/{id}/delete")).StatusCode);
        var save = await EditorData.SaveAsync(admin, EditorData.EditPath(id), EditorData.Fields("Edited by an Admin", slug));

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.Equal("Edited by an Admin", (await EditorData.FindAsync(factory, id))!.Title);
        var revisions = await BlogFactory.ParseAsync(await admin.GetAsync($"/admin/articles/{id}/revisions"));
        Assert.Equal(2, revisions.QuerySelectorAll("table.admin-table tbody tr").Length);
        Assert.NotNull(await EditorData.ListRowAsync(admin, id));
    }

    [Theory]
    [InlineData("/admin/articles")]
    [InlineData("/admin/articles/edit")]
    [InlineData("/admin/articles/upload")]
    public async Task EditorPages_AsModerator_Return403(string path)
    {
        var (moderator, _) = await AdminData.SignInAsync(factory, Roles.Moderator);

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/admin/articles")]
    [InlineData("/admin/articles/edit")]
    [InlineData("/admin/articles/bin")]
    [InlineData("/admin/preview/1")]
    public async Task EditorPages_Anonymous_RedirectToLogin(string path)
    {
        var response = await factory.CreateReaderClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.OrdinalIgnoreCase);
    }
}
