using BlogSite.Domain;
using static BlogSite.IntegrationTests.Subscriptions.ReaderMail;

namespace BlogSite.IntegrationTests.Subscriptions;

/// <summary>Daily and weekly digests: the articles announced since the last one, at the digest hour, nothing in an empty period.</summary>
public sealed class DigestTests
{
    /// <summary>The next Monday at 06:00 UTC from now: an hour before the daily and the weekly digest (7:00, Mondays by default).</summary>
    private static FakeClock MondayMorning()
    {
        var today = DateTime.UtcNow.Date;
        var monday = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7 + 7);
        return new FakeClock(new DateTimeOffset(monday.AddHours(6), TimeSpan.Zero));
    }

    [Fact]
    public async Task Digests_ListWhatWasAnnounced_AtTheirHour_Once()
    {
        using var site = await SiteAsync(MondayMorning());
        await SubscribeConfirmedAsync(site, "daily@blogsite.test", ArticleFrequency.Daily);
        await SubscribeConfirmedAsync(site, "weekly@blogsite.test", ArticleFrequency.Weekly);
        var author = await AuthorAsync(site);
        site.Clock.Advance(TimeSpan.FromMinutes(1));
        var first = await PublishAsync(author, "First of the day");
        await PublishAsync(author, "Second of the day");
        await SettleAsync(site);
        Assert.Single(To(site.Smtp, "daily@blogsite.test"));

        site.Clock.Advance(TimeSpan.FromHours(1));
        await SettleAsync(site);
        await SettleAsync(site);

        var daily = To(site.Smtp, "daily@blogsite.test");
        Assert.Equal(2, daily.Count);
        Assert.Equal("Today: 2 new articles", daily[1].Message.Subject);
        Assert.Contains("First of the day", daily[1].Text, StringComparison.Ordinal);
        Assert.Contains("Second of the day", daily[1].Text, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/articles/{first}", daily[1].Links);
        Assert.NotNull(daily[1].Header("List-Unsubscribe"));
        var weekly = To(site.Smtp, "weekly@blogsite.test");
        Assert.Equal("This week: 2 new articles", weekly[^1].Message.Subject);

        // A day with nothing new sends nothing; the next article is in the next day's digest, and the week's waits for Monday.
        site.Clock.Advance(TimeSpan.FromDays(1));
        await SettleAsync(site);
        Assert.Equal(2, To(site.Smtp, "daily@blogsite.test").Count);
        await PublishAsync(author, "Tuesday's");
        await SettleAsync(site);
        site.Clock.Advance(TimeSpan.FromDays(1));
        await SettleAsync(site);
        await SettleAsync(site);
        daily = To(site.Smtp, "daily@blogsite.test");
        Assert.Equal(3, daily.Count);
        Assert.Equal("Today: 1 new article", daily[2].Message.Subject);
        Assert.DoesNotContain("First of the day", daily[2].Text, StringComparison.Ordinal);
        Assert.Equal(2, To(site.Smtp, "weekly@blogsite.test").Count);
    }
}
