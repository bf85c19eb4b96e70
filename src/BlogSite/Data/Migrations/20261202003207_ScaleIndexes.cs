using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_ParentId",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagsId",
                table: "ArticleTags");

            migrationBuilder.DropIndex(
                name: "IX_Articles_AuthorId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ArticleId_Status_ParentId_CreatedAt",
                table: "Comments",
                columns: new[] { "ArticleId", "Status", "ParentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ParentId_Status_CreatedAt",
                table: "Comments",
                columns: new[] { "ParentId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagsId_ArticlesId",
                table: "ArticleTags",
                columns: new[] { "TagsId", "ArticlesId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_AuthorId_Status_DeletedAt_PublishedAt",
                table: "Articles",
                columns: new[] { "AuthorId", "Status", "DeletedAt", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId_Status_DeletedAt_PublishedAt",
                table: "Articles",
                columns: new[] { "CategoryId", "Status", "DeletedAt", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_DeletedAt_PublishedAt",
                table: "Articles",
                columns: new[] { "Status", "DeletedAt", "PublishedAt" });

            // Without statistics SQLite guesses that a tag holds as many articles as a status does, and reads a tag's
            // page by walking every article newest first; sampled statistics (a bounded read) let it start from the tag.
            migrationBuilder.Sql("PRAGMA analysis_limit = 1000; ANALYZE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_ArticleId_Status_ParentId_CreatedAt",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_ParentId_Status_CreatedAt",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_ArticleTags_TagsId_ArticlesId",
                table: "ArticleTags");

            migrationBuilder.DropIndex(
                name: "IX_Articles_AuthorId_Status_DeletedAt_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_CategoryId_Status_DeletedAt_PublishedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_DeletedAt_PublishedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ParentId",
                table: "Comments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_TagsId",
                table: "ArticleTags",
                column: "TagsId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_AuthorId",
                table: "Articles",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CategoryId",
                table: "Articles",
                column: "CategoryId");
        }
    }
}
