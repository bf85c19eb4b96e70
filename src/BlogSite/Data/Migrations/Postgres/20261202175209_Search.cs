using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BlogSite.Data.Migrations.Postgres
{
    /// <summary>
    /// The full-text index on PostgreSQL (see PostgresFullTextIndex): one row per article with a weighted tsvector of its
    /// title (A), tags (B), summary (C) and body text (D), under a GIN index, kept by triggers as SQLite's FTS5 table is.
    /// Not in the model: EF never reads or writes it except through the index's SQL.
    /// </summary>
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // English stemming without stop words: FTS5's porter tokenizer drops no word, so "the" finds what it finds there.
            migrationBuilder.Sql("""
                CREATE TEXT SEARCH DICTIONARY "blogsite_english_stem" (TEMPLATE = snowball, LANGUAGE = english);
                CREATE TEXT SEARCH CONFIGURATION "blogsite_english" (COPY = english);
                ALTER TEXT SEARCH CONFIGURATION "blogsite_english"
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH "blogsite_english_stem";
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearch" (
                    "ArticleId" integer NOT NULL PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "Document" tsvector NOT NULL
                );
                CREATE INDEX "IX_ArticleSearch_Document" ON "ArticleSearch" USING gin ("Document");
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "ArticleSearch_Refresh"(article integer) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO "ArticleSearch" ("ArticleId", "Document")
                    SELECT a."Id",
                           setweight(to_tsvector('blogsite_english', a."Title"), 'A')
                           || setweight(to_tsvector('blogsite_english', coalesce((
                                  SELECT string_agg(t."Name", ' ') FROM "ArticleTags" AS at JOIN "Tags" AS t ON t."Id" = at."TagsId"
                                  WHERE at."ArticlesId" = a."Id"), '')), 'B')
                           || setweight(to_tsvector('blogsite_english', a."Summary"), 'C')
                           || setweight(to_tsvector('blogsite_english', coalesce((
                                  SELECT b."PlainText" FROM "ArticleBodies" AS b WHERE b."ArticleId" = a."Id"), '')), 'D')
                    FROM "Articles" AS a WHERE a."Id" = article
                    ON CONFLICT ("ArticleId") DO UPDATE SET "Document" = excluded."Document";
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "ArticleSearch_Changed"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'Articles' THEN
                        PERFORM "ArticleSearch_Refresh"(NEW."Id");
                    ELSIF TG_TABLE_NAME = 'ArticleBodies' THEN
                        PERFORM "ArticleSearch_Refresh"(NEW."ArticleId");
                    ELSIF TG_TABLE_NAME = 'ArticleTags' THEN
                        PERFORM "ArticleSearch_Refresh"(CASE WHEN TG_OP = 'DELETE' THEN OLD."ArticlesId" ELSE NEW."ArticlesId" END);
                    ELSIF TG_TABLE_NAME = 'Tags' THEN
                        PERFORM "ArticleSearch_Refresh"(at."ArticlesId") FROM "ArticleTags" AS at WHERE at."TagsId" = NEW."Id";
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER "ArticleSearch_Article" AFTER INSERT OR UPDATE OF "Title", "Summary" ON "Articles"
                    FOR EACH ROW EXECUTE FUNCTION "ArticleSearch_Changed"();
                CREATE TRIGGER "ArticleSearch_Body" AFTER INSERT OR UPDATE OF "PlainText" ON "ArticleBodies"
                    FOR EACH ROW EXECUTE FUNCTION "ArticleSearch_Changed"();
                CREATE TRIGGER "ArticleSearch_ArticleTag" AFTER INSERT OR DELETE ON "ArticleTags"
                    FOR EACH ROW EXECUTE FUNCTION "ArticleSearch_Changed"();
                CREATE TRIGGER "ArticleSearch_Tag" AFTER UPDATE OF "Name" ON "Tags"
                    FOR EACH ROW EXECUTE FUNCTION "ArticleSearch_Changed"();
                """);
            migrationBuilder.Sql("""SELECT "ArticleSearch_Refresh"("Id") FROM "Articles";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "ArticleSearch_Tag" ON "Tags";
                DROP TRIGGER "ArticleSearch_ArticleTag" ON "ArticleTags";
                DROP TRIGGER "ArticleSearch_Body" ON "ArticleBodies";
                DROP TRIGGER "ArticleSearch_Article" ON "Articles";
                DROP FUNCTION "ArticleSearch_Changed"();
                DROP FUNCTION "ArticleSearch_Refresh"(integer);
                DROP TABLE "ArticleSearch";
                DROP TEXT SEARCH CONFIGURATION "blogsite_english";
                DROP TEXT SEARCH DICTIONARY "blogsite_english_stem";
                """);
        }
    }
}
