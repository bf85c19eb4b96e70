using System.Text;
using System.Text.RegularExpressions;
using BlogSite.Domain;
using BlogSite.Pages.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlogSite.Data;

/// <summary>
/// The full-text index on PostgreSQL: the table ArticleSearch (the name of SQLite's, <see cref="SqliteFullTextIndex.Table"/>) of one weighted tsvector per article (title A, tags B,
/// summary C, body D; English stemming, no stop words), under a GIN index and kept by triggers (Postgres migration Search). A first
/// version: ranking is ts_rank with those weights, and the marked title and passage come from ts_headline.
/// </summary>
public sealed partial class PostgresFullTextIndex(BlogDbContext db) : IFullTextIndex
{
    // ts_rank's weights, {D, C, B, A}: as SQLite's bm25 weighs the columns, title most, then tags, summary, body.
    private const string Weights = "{0.1, 0.3, 0.5, 1.0}";

    private const string Marks = "StartSel=\uE000, StopSel=\uE001";

    public IQueryable<FullTextHit> Matches(SearchTerms terms, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var query = TsQuery(terms, weight: "");
        // The title is marked whole; the passage is a stretch of up to 32 words of the body around the matches.
        // ts_headline would take "<img ...>" in an article's text for markup and drop it: '<' is hidden from it.
        return db.Database.SqlQuery<FullTextHit>($"""
            SELECT s."ArticleId" AS "Id",
                   -ts_rank({Weights}::real[], s."Document", to_tsquery('blogsite_english', {query})) AS "Rank",
                   replace(ts_headline('blogsite_english', replace(a."Title", '<', chr(57346)), to_tsquery('blogsite_english', {query}),
                       {Marks + ", HighlightAll=true"}), chr(57346), '<') AS "Title",
                   replace(ts_headline('blogsite_english', replace(b."PlainText", '<', chr(57346)), to_tsquery('blogsite_english', {query}),
                       {Marks + ", MaxWords=32, MinWords=12"}), chr(57346), '<') AS "Snippet"
            FROM "ArticleSearch" AS s
            JOIN "Articles" AS a ON a."Id" = s."ArticleId"
            JOIN "ArticleBodies" AS b ON b."ArticleId" = s."ArticleId"
            WHERE s."Document" @@ to_tsquery('blogsite_english', {query})
              AND a."Status" = {(int)ArticleStatus.Published} AND a."PublishedAt" <= {now} AND a."DeletedAt" IS NULL
            """);
    }

    public IQueryable<int> TitleMatches(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return db.Database.SqlQuery<int>($"""
            SELECT "ArticleId" AS "Value" FROM "ArticleSearch" WHERE "Document" @@ to_tsquery('blogsite_english', {TsQuery(terms, weight: "A")})
            """);
    }

    /// <summary>
    /// Runs <paramref name="fill"/>, which writes a whole store's articles at once (copy-database), with the index's triggers
    /// off, then makes each article's document once. The triggers make it again for every row of an article (its own, its
    /// body's, each tag's), and at ~900 words a document that is most of a copy's time. Both inside the caller's
    /// transaction on <paramref name="connection"/>, so that the triggers are never left off.
    /// </summary>
    internal static async Task FillInBulkAsync(NpgsqlConnection connection, Func<Task> fill, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fill);
        await SetTriggersAsync(connection, "DISABLE", ct);
        await fill();
        await using (var refresh = new NpgsqlCommand("""SELECT "ArticleSearch_Refresh"("Id") FROM "Articles" """, connection))
        {
            await refresh.ExecuteNonQueryAsync(ct);
        }

        await SetTriggersAsync(connection, "ENABLE", ct);
    }

    // The index's triggers are those that call its function, on whichever tables the migrations put them.
    private static async Task SetTriggersAsync(NpgsqlConnection connection, string state, CancellationToken ct)
    {
        var statements = new List<string>();
        await using (var find = new NpgsqlCommand($"""
            SELECT format('ALTER TABLE %s {state} TRIGGER %I', tgrelid::regclass, tgname) FROM pg_trigger
            WHERE tgfoid = '"ArticleSearch_Changed"'::regproc AND NOT tgisinternal ORDER BY tgname
            """, connection))
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                statements.Add(reader.GetString(0));
            }
        }

        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// <paramref name="terms"/> as to_tsquery's text: every term must match; a word as a prefix when SearchTerms says so,
    /// a phrase as words in a row. Only runs of letters and digits reach it, each quoted, so what a reader typed is never
    /// operators; <paramref name="weight"/> ("A") keeps a match to the title.
    /// </summary>
    internal static string TsQuery(SearchTerms terms, string weight)
    {
        var query = new StringBuilder();
        foreach (Match term in QuotedTerm().Matches(terms.Match))
        {
            var words = Word().Matches(term.Groups["text"].Value).Select(w => w.Value).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var prefix = term.Groups["prefix"].Success && words.Count == 1 ? ":*" + weight : weight.Length > 0 ? ":" + weight : "";
            var phrase = string.Join(" <-> ", words.Select(w => "'" + w + "'" + prefix));
            query.Append(query.Length == 0 ? "" : " & ").Append('(').Append(phrase).Append(')');
        }

        return query.ToString();
    }

    // SearchTerms.Match is "term" or "term"* pieces; a term holds no quote.
    [GeneratedRegex("\"(?<text>[^\"]*)\"(?<prefix>\\*)?")]
    private static partial Regex QuotedTerm();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
