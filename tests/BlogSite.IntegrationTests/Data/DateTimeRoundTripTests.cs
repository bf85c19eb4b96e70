using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Data;

/// <summary>
/// Times go in and come back as UTC on either store (UtcDateTimeConverter): SQLite keeps text, PostgreSQL a
/// timestamp with time zone, which Npgsql writes only from a UTC DateTime and keeps to the microsecond.
/// </summary>
public sealed class DateTimeRoundTripTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Fact]
    public async Task UtcTime_ComesBackTheSame_AsUtc_AndIsFoundByIt()
    {
        var at = new DateTime(2026, 3, 14, 9, 26, 53, 589, 793, DateTimeKind.Utc);

        var key = await AddHeartAsync(at);

        var stored = await factory.WithDbAsync(db => db.Hearts.AsNoTracking().SingleAsync(h => h.ReaderKey == key));
        Assert.Equal(at, stored.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.True(await factory.WithDbAsync(db => db.Hearts.AnyAsync(h => h.ReaderKey == key && h.CreatedAt == at)));
    }

    [Fact]
    public async Task LocalTime_IsStoredAsItsUtcInstant()
    {
        var utc = new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc);

        var key = await AddHeartAsync(utc.ToLocalTime());

        var stored = await factory.WithDbAsync(db => db.Hearts.AsNoTracking().SingleAsync(h => h.ReaderKey == key));
        Assert.Equal(utc, stored.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
    }

    private async Task<string> AddHeartAsync(DateTime createdAt)
    {
        var key = Guid.NewGuid().ToString("N");
        await factory.WithDbAsync(async db =>
        {
            var articleId = await db.Articles.Where(a => a.Slug == Fixtures.ShortSlug).Select(a => a.Id).SingleAsync();
            db.Hearts.Add(new Heart { ArticleId = articleId, ReaderKey = key, CreatedAt = createdAt });
            return await db.SaveChangesAsync();
        });
        return key;
    }
}
