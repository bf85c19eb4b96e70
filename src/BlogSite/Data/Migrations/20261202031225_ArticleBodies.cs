using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Data.Migrations
{
    /// <summary>
    /// Moves each article's Markdown and plain text out of its row into ArticleBodies (see Domain.ArticleBody), and
    /// the search index's triggers with them. The columns are dropped with SQLite's own DROP COLUMN, inside the
    /// migration's transaction, rather than by rebuilding the table; it rewrites every article once, so on a
    /// large store this migration takes a while (~1 min at 100,000 articles) and leaves the space the bodies took
    /// free inside the file for later writes.
    /// </summary>
    public partial class ArticleBodies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleBodies",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    PlainText = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleBodies", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_ArticleBodies_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.Sql("INSERT INTO ArticleBodies (ArticleId, Body, PlainText) SELECT Id, Body, PlainText FROM Articles;");

            // SQLite refuses to drop a column a trigger names.
            migrationBuilder.Sql("DROP TRIGGER ArticleSearch_ArticleInserted;");
            migrationBuilder.Sql("DROP TRIGGER ArticleSearch_ArticleUpdated;");
            migrationBuilder.Sql("ALTER TABLE Articles DROP COLUMN Body;");
            migrationBuilder.Sql("ALTER TABLE Articles DROP COLUMN PlainText;");

            // An article's row comes first and its body after it (EF saves the owner before what it owns).
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_ArticleInserted AFTER INSERT ON Articles BEGIN
                    INSERT INTO ArticleSearch(rowid, Title, Summary, Body, Tags)
                    VALUES (new.Id, new.Title, new.Summary, '', '');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_ArticleUpdated AFTER UPDATE OF Title, Summary ON Articles BEGIN
                    UPDATE ArticleSearch SET Title = new.Title, Summary = new.Summary WHERE rowid = new.Id;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_BodyInserted AFTER INSERT ON ArticleBodies BEGIN
                    UPDATE ArticleSearch SET Body = new.PlainText WHERE rowid = new.ArticleId;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ArticleSearch_BodyUpdated AFTER UPDATE OF PlainText ON ArticleBodies BEGIN
                    UPDATE ArticleSearch SET Body = new.PlainText WHERE rowid = new.ArticleId;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "ArticleInserted", "ArticleUpdated", "BodyInserted", "BodyUpdated" })
            {
                migrationBuilder.Sql($"DROP TRIGGER ArticleSearch_{trigger};");
            }

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
            migrationBuilder.AddColumn<string>(
                name: "PlainText",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql("""
                UPDATE Articles SET
                    Body = (SELECT b.Body FROM ArticleBodies AS b WHERE b.ArticleId = Articles.Id),
                    PlainText = (SELECT b.PlainText FROM ArticleBodies AS b WHERE b.ArticleId = Articles.Id);
                """);
            migrationBuilder.DropTable(name: "ArticleBodies");
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
        }
    }
}
