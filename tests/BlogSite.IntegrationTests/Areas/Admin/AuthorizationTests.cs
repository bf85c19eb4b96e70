using System.Net;
using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Areas.Admin;

public sealed class AuthorizationTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Theory]
    [InlineData("/admin/comments")]
    [InlineData("/admin/comments/audit")]
    [InlineData("/admin/comments/1")]
    [InlineData("/admin/users")]
    public async Task AdminPages_Anonymous_RedirectToLogin(string path)
    {
        var response = await factory.CreateReaderClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Roles.Author, "/admin/comments", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Author, "/admin/comments/audit", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Author, "/admin/users", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Moderator, "/admin/users", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Moderator, "/admin/comments", HttpStatusCode.OK)]
    [InlineData(Roles.Moderator, "/admin/comments/audit", HttpStatusCode.OK)]
    [InlineData(Roles.Admin, "/admin/comments", HttpStatusCode.OK)]
    [InlineData(Roles.Admin, "/admin/users", HttpStatusCode.OK)]
    public async Task AdminPages_ByRole_AllowOnlyTheirRoles(string role, string path, HttpStatusCode expected)
    {
        var (client, _) = await AdminData.SignInAsync(factory, role);

        Assert.Equal(expected, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ModerationPost_AsAuthor_Returns403AndChangesNothing()
    {
        var marker = AdminData.Marker();
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Author tries {marker}");
        var (moderator, _) = await AdminData.SignInAsync(factory, Roles.Moderator);
        var form = await AdminData.ModerationFormAsync(moderator, $"/admin/comments?q={marker}");
        var (author, _) = await AdminData.SignInAsync(factory, Roles.Author);

        var response = await author.PostAsync("/admin/comments", new FormUrlEncodedContent(
            [new("rowAction", $"approve:{id}"), new("__RequestVerificationToken", form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!)]));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Equal(CommentStatus.Pending, await AdminData.StatusOfAsync(factory, id));
    }
}

internal static class UriExtensions
{
    /// <summary>The path and query of a Location header, absolute or relative.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
