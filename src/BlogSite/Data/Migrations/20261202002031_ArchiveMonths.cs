using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveMonths : Migration
    {
        // An article counts in its month when it is published and not in the bin; whether its date has
        // come is left to the query, which subtracts the few scheduled ones (see ArchiveIndex).
        private const string NewCounts = "new.Status = 1 AND new.DeletedAt IS NULL AND new.PublishedAt IS NOT NULL";
        private const string OldCounts = "old.Status = 1 AND old.DeletedAt IS NULL AND old.PublishedAt IS NOT NULL";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE ArchiveMonths (
                    Month TEXT NOT NULL PRIMARY KEY,
                    Articles INTEGER NOT NULL
                ) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                INSERT INTO ArchiveMonths (Month, Articles)
                SELECT substr(PublishedAt, 1, 7), count(*) FROM Articles
                WHERE Status = 1 AND DeletedAt IS NULL AND PublishedAt IS NOT NULL
                GROUP BY substr(PublishedAt, 1, 7);
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArchiveMonths_ArticleInserted AFTER INSERT ON Articles WHEN {NewCounts} BEGIN
                    {Add("new")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArchiveMonths_ArticleDeleted AFTER DELETE ON Articles WHEN {OldCounts} BEGIN
                    {Remove("old")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArchiveMonths_ArticleLeft AFTER UPDATE OF Status, DeletedAt, PublishedAt ON Articles WHEN {OldCounts} BEGIN
                    {Remove("old")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER ArchiveMonths_ArticleEntered AFTER UPDATE OF Status, DeletedAt, PublishedAt ON Articles WHEN {NewCounts} BEGIN
                    {Add("new")}
                END;
                """);
        }

        private static string Add(string row) => $"""
            INSERT INTO ArchiveMonths (Month, Articles) VALUES (substr({row}.PublishedAt, 1, 7), 1)
            ON CONFLICT (Month) DO UPDATE SET Articles = Articles + 1;
            """;

        private static string Remove(string row) => $"""
            UPDATE ArchiveMonths SET Articles = Articles - 1 WHERE Month = substr({row}.PublishedAt, 1, 7);
            DELETE FROM ArchiveMonths WHERE Month = substr({row}.PublishedAt, 1, 7) AND Articles <= 0;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ArticleInserted", "ArticleDeleted", "ArticleLeft", "ArticleEntered" })
            {
                migrationBuilder.Sql($"DROP TRIGGER ArchiveMonths_{trigger};");
            }

            migrationBuilder.Sql("DROP TABLE ArchiveMonths;");
        }
    }
}
