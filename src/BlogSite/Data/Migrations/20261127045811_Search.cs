using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlainText",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Until an article is saved or synced again its Markdown stands in for its plain text.
            migrationBuilder.Sql("UPDATE Articles SET PlainText = Body;");

            // One row per article, rowid = article id. Porter stemming finds "deploying" for "deploy";
            // unicode61 without diacritics finds "cafe" for "café".
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ArticleSearch USING fts5(
                    Title, Summary, Body, Tags,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql($"""
                INSERT INTO ArticleSearch(rowid, Title, Summary, Body, Tags)
                SELECT a.Id, a.Title, a.Summary, a.PlainText, {TagNames("a.Id")} FROM Articles AS a;
                """);

            // The store keeps the index in step: articles written or deleted, tags added or taken off, tags renamed.
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_ArticleInserted AFTER INSERT ON Articles BEGIN
                    INSERT INTO ArticleSearch(rowid, Title, Summary, Body, Tags)
                    VALUES (new.Id, new.Title, new.Summary, new.PlainText, '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_ArticleUpdated AFTER UPDATE OF Title, Summary, PlainText ON Articles BEGIN
                    UPDATE ArticleSearch SET Title = new.Title, Summary = new.Summary, Body = new.PlainText
                    WHERE rowid = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_ArticleDeleted AFTER DELETE ON Articles BEGIN
                    DELETE FROM ArticleSearch WHERE rowid = old.Id;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_TagAdded AFTER INSERT ON ArticleTags BEGIN
                    UPDATE ArticleSearch SET Tags = {TagNames("new.ArticlesId")} WHERE rowid = new.ArticlesId;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_TagRemoved AFTER DELETE ON ArticleTags BEGIN
                    UPDATE ArticleSearch SET Tags = {TagNames("old.ArticlesId")} WHERE rowid = old.ArticlesId;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArticleSearch_TagRenamed AFTER UPDATE OF Name ON Tags BEGIN
                    UPDATE ArticleSearch SET Tags = {TagNames("ArticleSearch.rowid")}
                    WHERE rowid IN (SELECT ArticlesId FROM ArticleTags WHERE TagsId = new.Id);
                END;
                """);
        }

        /// <summary>An article's tag names, space-separated, as SQL.</summary>
        private static string TagNames(string articleId) => $"""
            COALESCE((SELECT group_concat(t.Name, ' ') FROM ArticleTags AS at JOIN Tags AS t ON t.Id = at.TagsId
                      WHERE at.ArticlesId = {articleId}), '')
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ArticleInserted", "ArticleUpdated", "ArticleDeleted", "TagAdded", "TagRemoved", "TagRenamed" })
            {
                migrationBuilder.Sql($"DROP TRIGGER ArticleSearch_{trigger};");
            }

            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
            migrationBuilder.DropColumn(
                name: "PlainText",
                table: "Articles");
        }
    }
}
