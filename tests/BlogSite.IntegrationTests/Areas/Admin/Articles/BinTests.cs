using System.Net;
using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Areas.Admin.Articles;

public sealed class BinTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private async Task<(HttpClient Author, int Id, string Slug)> DeletedAsync()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var slug = EditorData.NewSlug("binned");
        var id = await EditorData.CreateAsync(author, slug, ArticleStatus.Published, title: "Binned " + slug);
        var delete = await Forms.SubmitAsync(author, $"/admin/articles/{id}/delete", "form.form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        return (author, id, slug);
    }

    [Fact]
    public async Task Bin_AsAuthor_Returns403()
    {
        var (author, _, _) = await DeletedAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/admin/articles/bin")).StatusCode);
    }

    [Fact]
    public async Task Bin_AsAdmin_ListsTheDeletedArticle_AndRestoresIt()
    {
        var (author, id, slug) = await DeletedAsync();
        var (admin, _) = await AdminData.SignInAsync(factory, Roles.Admin);

        var bin = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/articles/bin"));
        Assert.Contains(bin.QuerySelectorAll("table.admin-table tbody tr"), row => row.TextContent.Contains("Binned " + slug, StringComparison.Ordinal));
        var form = await EditorData.RestoreFormAsync(admin, "/admin/articles/bin", "id", id);
        var response = await Forms.PostAsync(admin, form, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EditorData.EditPath(id), response.Headers.Location!.PathAndQuery());
        Assert.Null((await EditorData.FindAsync(factory, id))!.DeletedAt);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateReaderClient().GetAsync("/articles/" + slug)).StatusCode);
        Assert.NotNull(await EditorData.ListRowAsync(author, id));
        var after = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/articles/bin"));
        Assert.DoesNotContain(after.QuerySelectorAll("table.admin-table tbody tr"), row => row.TextContent.Contains("Binned " + slug, StringComparison.Ordinal));
    }
}
