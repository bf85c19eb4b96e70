using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReaderSafety : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AddressHash",
                table: "CommentReports",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Reports from before have no address; each stands for its own, as every report did until now.
            migrationBuilder.Sql("UPDATE CommentReports SET AddressHash = 'before-' || Id;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AddressHash",
                table: "CommentReports");
        }
    }
}
