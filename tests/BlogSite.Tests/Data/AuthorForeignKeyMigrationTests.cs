using BlogSite.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlogSite.Tests.Data;

public sealed class AuthorForeignKeyMigrationTests
{
    private const string Before = "20261126232759_InitialCreate";
    private const string Migration = "20261126235910_CommentsHeartsAndIdentity";

    [Fact]
    public void Migration_RunsWhollyInItsTransaction_WithoutTurningForeignKeysOff()
    {
        using var database = new TestDatabase(migrate: false);
        using var db = database.CreateContext();

        var script = db.GetService<IMigrator>().GenerateScript(Before, Migration);

        Assert.DoesNotContain("PRAGMA foreign_keys", script, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Count(script, "BEGIN TRANSACTION;"));
        Assert.Contains("CONSTRAINT \"FK_Articles_AspNetUsers_AuthorId\" FOREIGN KEY (\"AuthorId\")", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Migration_OnAStoreWithArticles_KeepsTheirTagsAndRedirects()
    {
        using var database = new TestDatabase(migrate: false);
        using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        migrator.Migrate(Before);
        db.Database.ExecuteSqlRaw("""
            INSERT INTO Categories (Id, Name, Slug) VALUES (1, 'Notes', 'notes');
            INSERT INTO Tags (Id, Slug, Name) VALUES (4, 'sea', 'Sea');
            INSERT INTO Articles (Id, Slug, Title, Summary, CategoryId, Body, AuthorName, Status, PublishedAt, CreatedAt, UpdatedAt,
                                  Views, Hearts, WordCount, ReadingMinutes, ContentHash, AdsOff, CommentsClosed)
            VALUES (7, 'kelp', 'On kelp', 'Brown algae.', 1, 'Kelp.', 'Ada', 1, '2026-01-01 00:00:00',
                    '2026-01-01 00:00:00', '2026-01-01 00:00:00', 12, 3, 1, 1, 'h', 0, 0);
            INSERT INTO ArticleTags (ArticlesId, TagsId) VALUES (7, 4);
            INSERT INTO SlugRedirects (Id, OldSlug, ArticleId, CreatedAt) VALUES (2, 'sea-weed', 7, '2026-01-01 00:00:00');
            """);

        migrator.Migrate(Migration);

        Assert.Equal([4], db.Database.SqlQueryRaw<int>("SELECT TagsId AS Value FROM ArticleTags WHERE ArticlesId = 7").ToList());
        Assert.Equal(["sea-weed"], db.Database.SqlQueryRaw<string>("SELECT OldSlug AS Value FROM SlugRedirects WHERE ArticleId = 7").ToList());
        Assert.Equal([12], db.Database.SqlQueryRaw<int>("SELECT Views AS Value FROM Articles WHERE Id = 7").ToList());
        Assert.Empty(db.Database.SqlQueryRaw<string>("SELECT \"table\" AS Value FROM pragma_foreign_key_check").ToList());
        Assert.Equal(["ok"], db.Database.SqlQueryRaw<string>("SELECT integrity_check AS Value FROM pragma_integrity_check").ToList());
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
