using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BlogSite.Tests.Data;

public sealed class ArticleBodiesMigrationTests
{
    [Fact]
    public void Migration_MovesEachBodyOut_AndSearchStillFindsIt()
    {
        using var database = new TestDatabase(migrate: false);
        using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        migrator.Migrate("20261202003807_SearchScale");
        db.Database.ExecuteSqlRaw("""
            INSERT INTO Categories (Id, Name, Slug) VALUES (1, 'Notes', 'notes');
            INSERT INTO Articles (Id, Slug, Title, Summary, CategoryId, Body, PlainText, AuthorName, Status, PublishedAt,
                                  CreatedAt, UpdatedAt, Views, Hearts, WordCount, ReadingMinutes, ContentHash, AdsOff, CommentsClosed)
            VALUES (7, 'kelp', 'On kelp', 'Brown algae.', 1, 'Kelp *forests* grow fast.', 'Kelp forests grow fast.', 'Ada', 1,
                    '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 3, 2, 4, 1, 'h', 0, 0);
            """);

        migrator.Migrate();

        var article = db.Articles.AsNoTracking().Single();
        Assert.Equal(("Kelp *forests* grow fast.", "Kelp forests grow fast.", 3L, 2L),
            (article.Body.Markdown, article.Body.PlainText, article.Views, article.Hearts));
        Assert.DoesNotContain("Body", ArticleColumns(db));
        Assert.Equal([7], Match(db, "forests"));
    }

    [Fact]
    public void SavedArticle_IsIndexed_AndANewBodyReplacesTheOld()
    {
        using var database = new TestDatabase();
        using (var db = database.CreateContext())
        {
            var article = new Article { Slug = "kelp", Title = "On kelp", Category = new Category { Name = "Notes", Slug = "notes" } };
            article.SetBody("Kelp *forests*.", new ArticleText("Kelp forests.", 2), "h1");
            db.Articles.Add(article);
            db.SaveChanges();
        }

        using (var db = database.CreateContext())
        {
            Assert.Equal([1], Match(db, "forests"));
            var article = db.Articles.Single();
            article.SetBody("Sea otters.", new ArticleText("Sea otters.", 2), "h2");
            db.SaveChanges();
        }

        using (var db = database.CreateContext())
        {
            Assert.Empty(Match(db, "forests"));
            Assert.Equal([1], Match(db, "otters"));
            db.Articles.Remove(db.Articles.Single());
            db.SaveChanges();
            Assert.Empty(Match(db, "otters"));
            Assert.Equal(0, db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM ArticleBodies").Single());
        }
    }

    private static List<string> ArticleColumns(BlogDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Articles')").ToList();

    private static List<int> Match(BlogDbContext db, string term) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {term}").ToList();
}
