using System.Net;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Subscriptions;

/// <summary>With no SMTP host the reader mail is not offered anywhere, and its pages do not exist.</summary>
public sealed class EmailOffTests(BlogFactory site) : IClassFixture<BlogFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles/" + ReaderMail.ArticleSlug)]
    public async Task ReaderPages_OfferNoSubscription_AndNoReplyMail(string path)
    {
        var page = await BlogFactory.ParseAsync(await site.CreateReaderClient().GetAsync(path));

        Assert.Null(page.QuerySelector("form.subscribe"));
        Assert.Null(page.QuerySelector("input[name='Input.NotifyReplies']"));
        Assert.DoesNotContain("by e-mail", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_WithEmailOn_OffersBoth()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        using var on = new BlogFactory().UseSmtp(smtp);

        var page = await BlogFactory.ParseAsync(await on.CreateReaderClient().GetAsync("/articles/" + ReaderMail.ArticleSlug));

        Assert.NotNull(page.QuerySelector("form.subscribe"));
        Assert.Equal("E-mail me when someone replies", page.QuerySelector("label[for='comment-notify']")!.TextContent);
    }

    [Theory]
    [InlineData("/email/subscribe")]
    [InlineData("/email/confirm?token=abcdefghijklmnopqrstuvwxyz012345")]
    public async Task EmailPages_Are404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateReaderClient().GetAsync(path)).StatusCode);

    [Fact]
    public async Task CommentPostedWithTheBoxTickedAnyway_IsPostedWithoutASubscription()
    {
        using var off = new BlogFactory();
        ReaderMail.Configure(off);
        var client = await ReaderMail.ReaderAsync(off);

        var response = await Forms.SubmitAsync(client, "/articles/" + ReaderMail.ArticleSlug, "form.comment-form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Off",
            ["Input.Body"] = "No e-mail on this site.",
            ["Input.Email"] = "off@blogsite.test",
            ["Input.NotifyReplies"] = "true",
        }, submitName: "intent=post");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await off.WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorName == "Off")));
        Assert.False(await off.WithDbAsync(db => db.ReaderAddresses.AnyAsync()));
        Assert.False(await off.WithDbAsync(db => db.OutboxMessages.AnyAsync()));
    }
}
