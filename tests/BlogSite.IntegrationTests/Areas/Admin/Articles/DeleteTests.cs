using System.Net;
using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

/// <summary>Deleting moves an article to the bin (see <see cref="BinTests"/> for getting it back).</summary>
public sealed class DeleteTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task Delete_Get_AsksBeforeDeleting()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var id = await EditorData.CreateAsync(author, EditorData.NewSlug(), title: "Soon gone");

        var response = await author.GetAsync($"/admin/articles/{id}/delete");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Equal("Delete this article?", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form.form[method='post'] button.button--danger"));
        Assert.Null((await EditorData.FindAsync(factory, id))!.DeletedAt);
    }

    [Fact]
    public async Task Delete_Post_MovesToTheBin_GoneForReadersAndFromTheList()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug();
        var id = await EditorData.CreateAsync(author, slug, ArticleStatus.Published);
        // A reader without cookies fills the shared page cache; the delete must empty it.
        var reader = factory.CreateReaderClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/articles/" + slug)).StatusCode);

        var response = await Forms.SubmitAsync(author, $"/admin/articles/{id}/delete", "form.form", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/articles", response.Headers.Location!.PathAndQuery());
        Assert.NotNull((await EditorData.FindAsync(factory, id))!.DeletedAt);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateReaderClient().GetAsync("/articles/" + slug)).StatusCode);
        Assert.False(await EditorData.IsOnHomeAsync(factory, slug));
        Assert.Null(await EditorData.ListRowAsync(author, id));
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(EditorData.EditPath(id))).StatusCode);
    }
}
