using BlogSite.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlogSite.Tests.Data;

public sealed class ReaderSafetyMigrationTests
{
    [Fact]
    public void Migration_GivesEachEarlierReport_AnAddressOfItsOwn()
    {
        using var database = new TestDatabase(migrate: false);
        using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        migrator.Migrate("20261127045811_Search");
        db.Database.ExecuteSqlRaw("""
            INSERT INTO Categories (Id, Name, Slug) VALUES (1, 'Notes', 'notes');
            INSERT INTO Articles (Id, Slug, Title, Summary, CategoryId, Body, AuthorName, Status, PublishedAt, CreatedAt, UpdatedAt,
                                  Views, Hearts, WordCount, ReadingMinutes, ContentHash, AdsOff, CommentsClosed, PlainText)
            VALUES (7, 'kelp', 'On kelp', 'Brown algae.', 1, 'Kelp.', 'Ada', 1, '2026-01-01 00:00:00',
                    '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0, 0, 1, 1, 'h', 0, 0, 'Kelp.');
            INSERT INTO Comments (Id, ArticleId, AuthorName, Body, Status, ReportCount, CreatedAt, PosterHash)
            VALUES (3, 7, 'Grace', 'Rude', 0, 2, '2026-01-02 00:00:00', 'p');
            INSERT INTO CommentReports (CommentId, ReaderKey, CreatedAt) VALUES (3, 'r:one', '2026-01-03 00:00:00'), (3, 'r:two', '2026-01-03 00:00:00');
            """);

        migrator.Migrate();

        var hashes = db.CommentReports.Select(r => r.AddressHash).ToList();
        Assert.Equal(2, hashes.Count);
        Assert.Equal(2, hashes.Distinct().Count());
        Assert.DoesNotContain("", hashes);
    }
}
