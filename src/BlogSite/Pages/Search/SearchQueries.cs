using BlogSite.Data;
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

/// <summary>Full-text search over published articles through the store's full-text index (see <see cref="IFullTextIndex"/>).</summary>
public sealed class SearchQueries(BlogDbContext db, IFullTextIndex index, TimeProvider clock, IOptions<SearchOptions> options)
{
    public const int PageSize = 10;

    private const char MarkStart = FullTextHit.MarkStart;
    private const char MarkEnd = FullTextHit.MarkEnd;

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

        var now = clock.GetUtcNow().UtcDateTime;
        var hits = index.Matches(terms, now);

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
    /// Splits the index's output at its match markers into plain and matched runs. A marker the article text itself
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
}
