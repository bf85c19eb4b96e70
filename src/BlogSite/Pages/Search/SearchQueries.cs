using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

/// <summary>
/// One page of results. <see cref="Total"/> counts at most <see cref="SearchOptions.MaxResults"/>; when more match,
/// <see cref="IsCapped"/> is set and the pages stop there.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchResult> Items, int Total, bool IsCapped, int Page, int TotalPages);

/// <summary>Full-text search over published articles through the FTS5 index (see <see cref="SearchIndex"/>).</summary>
public sealed class SearchQueries(BlogDbContext db, TimeProvider clock, IOptions<SearchOptions> options)
{
    public const int PageSize = 10;

    // Private-use characters around matches in FTS5's output, read back by Marked.
    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    private int MaxResults => options.Value.MaxResults;

    /// <summary>The deepest page a search lists.</summary>
    public int MaxPage => (MaxResults + PageSize - 1) / PageSize;

    /// <summary>Published matches, best first: a match in the title weighs most, then tags, summary, body.</summary>
    public async Task<SearchResults> SearchAsync(SearchTerms terms, int page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.IsEmpty || page > MaxPage)
        {
            return new SearchResults([], 0, false, page, 1);
        }

        // The index does the work: the only table in the FROM is ArticleSearch, so FTS5 reads the matches in rank
        // (or id) order and SQLite stops once the page is full. Whether a match may be shown is one probe per match
        // read: an EXISTS rather than a join, so that the planner cannot turn it round into "every published
        // article, then MATCH once for each" (which took seconds at 100,000 articles), and through VisibleIndex,
        // because Status, PublishedAt and DeletedAt are stored after the body (the planner would read the row).
        // It is the rule of ArticleQueryExtensions.PublishedAt and of the bin's query filter, as SQL; the search
        // tests hold the two together. The marked title and passage are columns of this query too: SQLite computes
        // them only for the rows it returns, and snippet() tokenizes an article again, so ten, never every match.
        var now = clock.GetUtcNow().UtcDateTime;
        var hits = db.Database.SqlQuery<Hit>($"""
            SELECT rowid AS Id, rank AS Rank,
                   highlight(ArticleSearch, 0, char(57344), char(57345)) AS Title,
                   snippet(ArticleSearch, 2, char(57344), char(57345), '…', 32) AS Snippet
            FROM ArticleSearch
            WHERE ArticleSearch MATCH {terms.Match} AND rank MATCH 'bm25(10.0, 3.0, 1.0, 5.0)'
              AND EXISTS (SELECT 1 FROM Articles AS a INDEXED BY IX_Articles_Visible
                          WHERE a.Id = ArticleSearch.rowid AND a.Status = {(int)ArticleStatus.Published}
                            AND a.PublishedAt <= {now} AND a.DeletedAt IS NULL)
            """);

        // Counting stops one past the bound: the reader learns "more than that", and a common word costs no more.
        // Past the bound, the results are the best of the MaxResults most recently added matches (article id is
        // the index's own order, and an id range is a seek in it): bm25 then scores a thousand matches, not every
        // article that has "the" in it, and the pages still list exactly MaxResults results.
        var boundary = await hits.OrderByDescending(h => h.Id).Select(h => h.Id).Skip(MaxResults - 1).Take(2).ToListAsync(ct);
        var isCapped = boundary.Count == 2;
        var total = isCapped ? MaxResults : await hits.Select(h => h.Id).CountAsync(ct);
        var ranked = isCapped ? hits.Where(h => h.Id >= boundary[0]) : hits;
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (page > totalPages)
        {
            return new SearchResults([], total, isCapped, page, totalPages);
        }

        var marked = await ranked.OrderBy(h => h.Rank)
            .Skip((page - 1) * PageSize).Take(Math.Min(PageSize, total - ((page - 1) * PageSize)))
            .Select(h => new { h.Id, h.Title, h.Snippet })
            .ToListAsync(ct);
        var ids = marked.Select(m => m.Id).ToList();
        var articles = await db.Articles.AsNoTracking().PublishedAt(now).Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.Slug,
                a.Summary,
                CategorySlug = a.Category!.Slug,
                CategoryName = a.Category.Name,
                a.PublishedAt,
                a.ReadingMinutes,
            })
            .ToDictionaryAsync(a => a.Id, ct);

        var items = marked.Where(m => articles.ContainsKey(m.Id)).Select(m => (Hit: m, Article: articles[m.Id]))
            .Select(r => new SearchResult(r.Article.Slug, Marked(r.Hit.Title),
                // A passage of the body when the match is there; the summary when the title or tags matched.
                r.Hit.Snippet.Contains(MarkStart, StringComparison.Ordinal) || r.Article.Summary.Length == 0 ? Marked(r.Hit.Snippet) : Marked(r.Article.Summary),
                r.Article.CategorySlug, r.Article.CategoryName, r.Article.PublishedAt!.Value, r.Article.ReadingMinutes))
            .ToList();
        return new SearchResults(items, total, isCapped, page, totalPages);
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

    private sealed class Hit
    {
        public int Id { get; init; }
        public double Rank { get; init; }
        public string Title { get; init; } = "";
        public string Snippet { get; init; } = "";
    }
}
