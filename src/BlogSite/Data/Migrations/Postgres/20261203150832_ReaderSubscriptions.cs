using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BlogSite.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleAnnouncements",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentThrough = table.Column<int>(type: "integer", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false, collation: "C"),
                    Secret = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmationSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConfirmationRequestedBy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReaderAddresses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArticleSubscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReaderAddressId = table.Column<int>(type: "integer", nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DigestedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReaderAddressId = table.Column<int>(type: "integer", nullable: false),
                    CommentId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
