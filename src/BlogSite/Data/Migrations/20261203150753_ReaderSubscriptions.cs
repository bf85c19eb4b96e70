using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReaderSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SubscribersNotifiedAt",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleAnnouncements",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentThrough = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleAnnouncements", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_ArticleAnnouncements_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReaderAddresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationRequestedBy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReaderAddresses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArticleSubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReaderAddressId = table.Column<int>(type: "INTEGER", nullable: false),
                    Frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DigestedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleSubscriptions_ReaderAddresses_ReaderAddressId",
                        column: x => x.ReaderAddressId,
                        principalTable: "ReaderAddresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReplySubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReaderAddressId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplySubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReplySubscriptions_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReplySubscriptions_ReaderAddresses_ReaderAddressId",
                        column: x => x.ReaderAddressId,
                        principalTable: "ReaderAddresses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAnnouncements_AnnouncedAt",
                table: "ArticleAnnouncements",
                column: "AnnouncedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleAnnouncements_CompletedAt",
                table: "ArticleAnnouncements",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSubscriptions_Frequency_DigestedUntil",
                table: "ArticleSubscriptions",
                columns: new[] { "Frequency", "DigestedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSubscriptions_Frequency_ReaderAddressId",
                table: "ArticleSubscriptions",
                columns: new[] { "Frequency", "ReaderAddressId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSubscriptions_ReaderAddressId",
                table: "ArticleSubscriptions",
                column: "ReaderAddressId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReaderAddresses_ConfirmationRequestedBy_ConfirmationSentAt",
                table: "ReaderAddresses",
                columns: new[] { "ConfirmationRequestedBy", "ConfirmationSentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReaderAddresses_ConfirmedAt_CreatedAt",
                table: "ReaderAddresses",
                columns: new[] { "ConfirmedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReaderAddresses_Email",
                table: "ReaderAddresses",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReaderAddresses_Secret",
                table: "ReaderAddresses",
                column: "Secret",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReplySubscriptions_CommentId",
                table: "ReplySubscriptions",
                column: "CommentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReplySubscriptions_ReaderAddressId",
                table: "ReplySubscriptions",
                column: "ReaderAddressId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleAnnouncements");

            migrationBuilder.DropTable(
                name: "ArticleSubscriptions");

            migrationBuilder.DropTable(
                name: "ReplySubscriptions");

            migrationBuilder.DropTable(
                name: "ReaderAddresses");

            migrationBuilder.DropColumn(
                name: "SubscribersNotifiedAt",
                table: "Comments");
        }
    }
}
