using BlogSite.Data;
using BlogSite.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlogSite.Tests.Data;

public sealed class SearchMigrationTests
{
    private static readonly string[] Triggers =
    [
        "ArticleSearch_ArticleInserted", "ArticleSearch_ArticleUpdated", "ArticleSearch_ArticleDeleted",
        "ArticleSearch_TagAdded", "ArticleSearch_TagRemoved", "ArticleSearch_TagRenamed",
        "ArticleSearch_BodyInserted", "ArticleSearch_BodyUpdated",
    ];

    // SQLite rebuilds a table to alter it, and dropping the old table drops its triggers: a later
    // migration that rebuilds Articles, ArticleTags or Tags must create these again.
    [Fact]
    public void LatestSchema_HasEveryIndexTrigger()
    {
        using var database = new TestDatabase();
        using var db = database.CreateContext();

        var triggers = db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger'").ToList();

        Assert.Equal(Triggers.Order(), triggers.Where(t => t.StartsWith(SqliteFullTextIndex.Table, StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void Migration_IndexesArticlesThatWereThereBefore_WithTheirTags()
    {
        using var database = new TestDatabase(migrate: false);
        using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        migrator.Migrate("20261127030253_Authoring");
        db.Database.ExecuteSqlRaw("""
            INSERT INTO Categories (Id, Name, Slug) VALUES (1, 'Notes', 'notes');
            INSERT INTO Tags (Id, Name, Slug) VALUES (1, 'Seaweed', 'seaweed');
            INSERT INTO Articles (Id, Slug, Title, Summary, CategoryId, Body, AuthorName, Status, PublishedAt, CreatedAt, UpdatedAt,
                                  Views, Hearts, WordCount, ReadingMinutes, ContentHash, AdsOff, CommentsClosed)
            VALUES (7, 'kelp', 'On kelp', 'Brown algae.', 1, 'Kelp *forests* grow fast.', 'Ada', 1, '2026-01-01 00:00:00',
                    '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0, 0, 4, 1, 'h', 0, 0);
            INSERT INTO ArticleTags (ArticlesId, TagsId) VALUES (7, 1);
            """);

        migrator.Migrate();

        Assert.Equal([7], Match(db, "forests"));
        Assert.Equal([7], Match(db, "seaweed"));
        Assert.Equal("Kelp *forests* grow fast.", db.Articles.Single().Body.PlainText);
    }

    private static List<int> Match(BlogDbContext db, string term) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {term}").ToList();
}
