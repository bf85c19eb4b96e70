using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class WritePath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "Articles",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleAliases_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ImportedFrom",
                table: "Articles",
                column: "ImportedFrom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAliases_ArticleId",
                table: "ArticleAliases",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAliases_Path",
                table: "ArticleAliases",
                column: "Path",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleAliases");

            migrationBuilder.DropIndex(
                name: "IX_Articles_ImportedFrom",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ImportedFrom",
                table: "Articles");
        }
    }
}
