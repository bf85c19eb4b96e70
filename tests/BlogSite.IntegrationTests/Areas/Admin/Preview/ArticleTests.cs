using System.Net;
using BlogSite.Domain;
using BlogSite.IntegrationTests.Areas.Admin.Articles;

namespace BlogSite.IntegrationTests.Areas.Admin.Preview;

/// <summary>A draft's preview is for whoever may edit it: its author and Admins; another author and Moderators are refused.</summary>
public sealed class ArticleTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private static string PreviewPath(int id) => $"/admin/preview/{id}";

    private async Task<int> DraftAsync(HttpClient author) =>
        await EditorData.CreateAsync(author, EditorData.NewSlug("preview"), ArticleStatus.Draft, title: "A draft to preview");

    [Fact]
    public async Task OwnDraft_AsAuthor_IsShown()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var id = await DraftAsync(author);

        var response = await author.GetAsync(PreviewPath(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A draft to preview", (await BlogFactory.ParseAsync(response)).QuerySelector("h1.article__title")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnotherAuthorsDraft_AsAuthor_Is403()
    {
        var (owner, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var id = await DraftAsync(owner);
        var (other, _) = await AdminData.SignInAsync(factory, Roles.Author);

        var response = await other.GetAsync(PreviewPath(id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("A draft to preview", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyDraft_AsAdmin_IsShown()
    {
        var (owner, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var id = await DraftAsync(owner);
        var (admin, _) = await AdminData.SignInAsync(factory, Roles.Admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(PreviewPath(id))).StatusCode);
    }

    [Fact]
    public async Task AnyDraft_AsModerator_Is403()
    {
        var (owner, _) = await AdminData.SignInAsync(factory, Roles.Author);
        var id = await DraftAsync(owner);
        var (moderator, _) = await AdminData.SignInAsync(factory, Roles.Moderator);

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(PreviewPath(id))).StatusCode);
    }

    [Fact]
    public async Task MissingArticle_AsAuthor_Is404()
    {
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);

        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync(PreviewPath(999_999))).StatusCode);
    }
}
