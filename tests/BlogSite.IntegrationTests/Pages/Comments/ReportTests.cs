using System.Net;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Comments;

public sealed class ReportTests
{
    private const string ArticlePath = "/articles/ef-core-query-counts";

    /// <summary>A factory with one published comment (by a reader at an address of its own); returns its id.</summary>
    private static async Task<(BlogFactory Factory, int CommentId)> WithCommentAsync(params (string Key, string Value)[] settings)
    {
        var factory = new BlogFactory();
        factory.Settings["Comments:MinFormAgeSeconds"] = "0";
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        var poster = await ReaderAsync(factory, "192.0.2.1");
        var posted = await Forms.SubmitAsync(poster, ArticlePath, "form.comment-form",
            new Dictionary<string, string> { ["Input.Name"] = "Grace", ["Input.Body"] = "Something rude" }, submitName: "intent=post");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return (factory, await factory.WithDbAsync(db => db.Comments.Select(c => c.Id).SingleAsync()));
    }

    /// <summary>A new reader (a cookie jar of its own) at <paramref name="peer"/>, with cookies so the page embeds form tokens.</summary>
    private static async Task<HttpClient> ReaderAsync(BlogFactory factory, string peer)
    {
        var client = factory.CreateReaderClient(peer: peer);
        await client.GetAsync("/antiforgery/token");
        return client;
    }

    private static Task<HttpResponseMessage> ReportAsync(HttpClient reader) =>
        Forms.SubmitAsync(reader, ArticlePath, "form.comment__report", new Dictionary<string, string>());

    private static Task<Comment> CommentAsync(BlogFactory factory) =>
        factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync());

    [Fact]
    public async Task ThreeReaders_FromOneAddress_DoNotHoldTheComment()
    {
        var (factory, id) = await WithCommentAsync();
        using var _ = factory;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(await ReaderAsync(factory, "203.0.113.5"))).StatusCode);
        }

        var comment = await CommentAsync(factory);
        Assert.Equal(CommentStatus.Published, comment.Status);
        Assert.Equal(3, comment.ReportCount);
        Assert.Equal(3, await factory.WithDbAsync(db => db.CommentReports.CountAsync(r => r.CommentId == id)));
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync(ArticlePath));
        Assert.NotNull(page.QuerySelector($"#comment-{id}"));
    }

    [Fact]
    public async Task Readers_AtThreeAddresses_HoldTheComment_CountingEachAddressOnce()
    {
        var (factory, id) = await WithCommentAsync();
        using var _ = factory;

        foreach (var peer in new[] { "203.0.113.5", "203.0.113.5", "203.0.113.6" })
        {
            await ReportAsync(await ReaderAsync(factory, peer));
        }

        Assert.Equal(CommentStatus.Published, (await CommentAsync(factory)).Status);
        await ReportAsync(await ReaderAsync(factory, "2001:db8:0:7::1"));

        var held = await CommentAsync(factory);
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Equal(4, held.ReportCount);
        Assert.Equal("Reported by 4 readers from 3 addresses", held.HeldReason);
        var events = await factory.WithDbAsync(db => db.ModerationEvents.Where(e => e.CommentId == id).ToListAsync());
        var hold = Assert.Single(events);
        Assert.Equal(ModerationAction.HeldAutomatically, hold.Action);
        Assert.Equal(held.HeldReason, hold.Note);
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync(ArticlePath));
        Assert.Null(page.QuerySelector($"#comment-{id}"));
    }

    [Fact]
    public async Task Reports_OverThePerAddressLimit_Answer429_WithRetryAfter()
    {
        var (factory, _) = await WithCommentAsync(("RateLimits:ReportsPerHour", "2"), ("Comments:ReportsToHold", "100"));
        using var __ = factory;

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await ReportAsync(await ReaderAsync(factory, "203.0.113.5"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Slow down", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await CommentAsync(factory)).ReportCount);
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(await ReaderAsync(factory, "203.0.113.6"))).StatusCode);
    }

    [Fact]
    public async Task OneReader_OverThePerReaderLimit_Answer429()
    {
        var (factory, _) = await WithCommentAsync(("RateLimits:ReportsPerReaderPerHour", "2"));
        using var __ = factory;
        var reader = await ReaderAsync(factory, "203.0.113.5");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await ReportAsync(reader)).StatusCode);
        }

        // The first report issues the reader's key (and counts as the address's keyless reader); the next two are that reader's.
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ReportAsync(reader)).StatusCode);
        Assert.Equal(1, (await CommentAsync(factory)).ReportCount);
    }
}
