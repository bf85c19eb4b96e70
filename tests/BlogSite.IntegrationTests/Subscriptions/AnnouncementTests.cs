using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using static BlogSite.IntegrationTests.Subscriptions.ReaderMail;

namespace BlogSite.IntegrationTests.Subscriptions;

/// <summary>New articles announced to their subscribers once each: published now, come due, across a restart, in batches.</summary>
public sealed class AnnouncementTests
{
    [Fact]
    public async Task Article_Published_IsAnnouncedOnce_ToEachArticleSubscribersOnly()
    {
        using var site = await SiteAsync();
        await SubscribeConfirmedAsync(site, "each@blogsite.test");
        await SubscribeConfirmedAsync(site, "daily@blogsite.test", ArticleFrequency.Daily);
        await SubscribeAsync(await ReaderAsync(site), "pending@blogsite.test");
        var author = await AuthorAsync(site);

        var slug = await PublishAsync(author, "Fresh off the press");
        await SettleAsync(site);
        await SettleAsync(site);

        var announcement = Assert.Single(To(site.Smtp, "each@blogsite.test"), m => m.Message.Subject == "New: Fresh off the press");
        Assert.Contains($"http://localhost/articles/{slug}", announcement.Links);
        Assert.Contains("“Fresh off the press”", announcement.Text, StringComparison.Ordinal);
        Assert.StartsWith("<http://localhost/email/unsubscribe?token=", announcement.Header("List-Unsubscribe"), StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", announcement.Header("List-Unsubscribe-Post"));
        Assert.Single(To(site.Smtp, "daily@blogsite.test"));
        Assert.Single(To(site.Smtp, "pending@blogsite.test"));
        var row = await site.WithDbAsync(db => db.ArticleAnnouncements.AsNoTracking().SingleAsync());
        Assert.NotNull(row.CompletedAt);
    }

    [Fact]
    public async Task ScheduledArticle_IsAnnouncedWhenItComesDue_AndOnlyThen()
    {
        using var site = await SiteAsync();
        await SubscribeConfirmedAsync(site, "each@blogsite.test");
        var author = await AuthorAsync(site);

        await PublishAsync(author, "Out tomorrow", publishAt: site.Now.AddHours(1));
        await SettleAsync(site);
        Assert.Single(To(site.Smtp, "each@blogsite.test"));

        site.Clock.Advance(TimeSpan.FromHours(1));
        var arrived = await site.Smtp.WaitForAsync(site.Smtp.Received.Count + 1);
        Assert.Equal("New: Out tomorrow", arrived[^1].Message.Subject);
        await SettleAsync(site);
        await SettleAsync(site);
        Assert.Equal(2, To(site.Smtp, "each@blogsite.test").Count);
    }

    [Fact]
    public async Task Announcement_AcrossARestart_IsNotMadeAgain_AndOneThatCameDueWhileDownIsMadeOnce()
    {
        var root = Directory.CreateTempSubdirectory("blogsite-announce-").FullName;
        await using var smtp = await TestSmtpServer.StartAsync();
        var clock = new FakeClock(WholeMinute(DateTimeOffset.UtcNow));
        using (var first = await SiteAsync(clock, smtp, root))
        {
            await SubscribeConfirmedAsync(first, "each@blogsite.test");
            var author = await AuthorAsync(first);
            await PublishAsync(author, "Before the restart");
            await PublishAsync(author, "Due while the site is down", publishAt: first.Now.AddMinutes(30));
            await SettleAsync(first);
        }

        Assert.Equal(["Please confirm your e-mail address", "New: Before the restart"], To(smtp, "each@blogsite.test").Select(m => m.Message.Subject));
        clock.Advance(TimeSpan.FromHours(1));
        using (var second = await SiteAsync(clock, smtp, root))
        {
            await SettleAsync(second);
            await SettleAsync(second);
        }

        using (var third = await SiteAsync(clock, smtp, root))
        {
            await SettleAsync(third);
        }

        Assert.Equal(["Please confirm your e-mail address", "New: Before the restart", "New: Due while the site is down"],
            To(smtp, "each@blogsite.test").Select(m => m.Message.Subject));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task ManySubscribers_AreMailedInBatches_EachOnce()
    {
        using var site = await SiteAsync(settings: ("Email:Readers:BatchSize", "2"));
        var emails = Enumerable.Range(1, 5).Select(i => $"reader{i}@blogsite.test").ToList();
        foreach (var email in emails)
        {
            await SubscribeConfirmedAsync(site, email);
        }

        await PublishAsync(await AuthorAsync(site), "For everyone");
        await SettleAsync(site);
        await SettleAsync(site);

        Assert.All(emails, email => Assert.Single(To(site.Smtp, email), m => m.Message.Subject == "New: For everyone"));
        var row = await site.WithDbAsync(db => db.ArticleAnnouncements.AsNoTracking().SingleAsync());
        Assert.NotNull(row.CompletedAt);
        Assert.Equal(5, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "new-article")));
    }

    [Fact]
    public async Task BackDatedArticle_IsNotAnnounced()
    {
        using var site = await SiteAsync();
        await SubscribeConfirmedAsync(site, "each@blogsite.test");

        await PublishAsync(await AuthorAsync(site), "From the archive", publishAt: site.Now.AddDays(-30));
        await SettleAsync(site);

        Assert.Single(To(site.Smtp, "each@blogsite.test"));
    }
}
