using BlogSite.Data;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Search;

/// <summary>A run of text, and whether it is a matched word (shown marked); the page encodes it like any text.</summary>
public readonly record struct TextPart(string Text, bool IsMatch);

/// <summary>An article that matched, with the matched words marked in its title and in a passage of its text.</summary>
public sealed record SearchResult(
    string Slug,
    IReadOnlyList<TextPart> Title,
    IReadOnlyList<TextPart> Excerpt,
    string CategorySlug,
    string CategoryName,
    DateTime PublishedAt,
    int ReadingMinutes);

public sealed record SearchResults(IReadOnlyList<SearchResult> Items, int Total, int Page, int TotalPages);

/// <summary>Full-text search over published articles through the FTS5 index (see <see cref="SearchIndex"/>).</summary>
public sealed class SearchQueries(BlogDbContext db, TimeProvider clock)
{
    public const int PageSize = 10;

    // Private-use characters around matches in FTS5's output, read back by Marked.
    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    /// <summary>Published matches, best first: a match in the title weighs most, then tags, summary, body.</summary>
    public async Task<SearchResults> SearchAsync(SearchTerms terms, int page, CancellationToken ct)
    {
        if (terms.IsEmpty)
        {
            return new SearchResults([], 0, page, 1);
        }

        // First every published match's id, best first: bm25 reads only the index's statistics. Then the
        // marked title and passage for one page of them: snippet() tokenizes the whole text again, so it
        // runs for those ten only (SQLite would compute it for every row it sorts).
        var now = clock.GetUtcNow().UtcDateTime;
        var ranked = await (
            from hit in db.Database.SqlQuery<RankedHit>($"""
                SELECT rowid AS Id, bm25(ArticleSearch, 10.0, 3.0, 1.0, 5.0) AS Rank
                FROM ArticleSearch WHERE ArticleSearch MATCH {terms.Match}
                """)
            join article in db.Articles.AsNoTracking().PublishedAt(now) on hit.Id equals article.Id
            orderby hit.Rank, article.PublishedAt descending
            select hit.Id).ToListAsync(ct);

        var totalPages = Math.Max(1, (ranked.Count + PageSize - 1) / PageSize);
        var pageIds = ranked.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        if (pageIds.Count == 0)
        {
            return new SearchResults([], ranked.Count, page, totalPages);
        }

        var rows = await (
            from passage in db.Database.SqlQuery<MarkedPassage>($"""
                SELECT rowid AS Id,
                       highlight(ArticleSearch, 0, char(57344), char(57345)) AS Title,
                       snippet(ArticleSearch, 2, char(57344), char(57345), '…', 32) AS Snippet
                FROM ArticleSearch WHERE ArticleSearch MATCH {terms.Match}
                """)
            where pageIds.Contains(passage.Id)
            join article in db.Articles.AsNoTracking() on passage.Id equals article.Id
            select new
            {
                article.Id,
                article.Slug,
                passage.Title,
                passage.Snippet,
                article.Summary,
                CategorySlug = article.Category!.Slug,
                CategoryName = article.Category.Name,
                article.PublishedAt,
                article.ReadingMinutes,
            }).ToListAsync(ct);

        var items = rows.OrderBy(r => pageIds.IndexOf(r.Id)).Select(r => new SearchResult(r.Slug, Marked(r.Title),
            // A passage of the body when the match is there; the summary when the title or tags matched.
            r.Snippet.Contains(MarkStart, StringComparison.Ordinal) || r.Summary.Length == 0 ? Marked(r.Snippet) : Marked(r.Summary),
            r.CategorySlug, r.CategoryName, r.PublishedAt!.Value, r.ReadingMinutes)).ToList();
        return new SearchResults(items, ranked.Count, page, totalPages);
    }

    /// <summary>
    /// Splits FTS5's output at its match markers into plain and matched runs. A marker the article text itself
    /// contains is dropped unless it opens or closes a match, so every match is closed.
    /// </summary>
    public static IReadOnlyList<TextPart> Marked(string text)
    {
        var parts = new List<TextPart>();
        var inMatch = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not (MarkStart or MarkEnd))
            {
                continue;
            }

            Add(parts, text[start..i], inMatch);
            start = i + 1;
            if (i < text.Length && (text[i] == MarkStart) != inMatch)
            {
                inMatch = !inMatch;
            }
        }

        return parts;
    }

    // Runs of the same kind are joined: a dropped marker does not split a word.
    private static void Add(List<TextPart> parts, string text, bool isMatch)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (parts.Count > 0 && parts[^1].IsMatch == isMatch)
        {
            parts[^1] = new TextPart(parts[^1].Text + text, isMatch);
        }
        else
        {
            parts.Add(new TextPart(text, isMatch));
        }
    }

    private sealed class RankedHit
    {
        public int Id { get; init; }
        public double Rank { get; init; }
    }

    private sealed class MarkedPassage
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public string Snippet { get; init; } = "";
    }
}
