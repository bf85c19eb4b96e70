using System.Net;
using System.Text;
using BlogSite.Data;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Search;

/// <summary>An article that matched, with the matched words marked in its title and in a passage of its text.</summary>
public sealed record SearchResult(
    string Slug,
    HtmlString Title,
    HtmlString Excerpt,
    string CategorySlug,
    string CategoryName,
    DateTime PublishedAt,
    int ReadingMinutes);

public sealed record SearchResults(IReadOnlyList<SearchResult> Items, int Total, int Page, int TotalPages);

/// <summary>Full-text search over published articles through the FTS5 index (see <see cref="SearchIndex"/>).</summary>
public sealed class SearchQueries(BlogDbContext db, TimeProvider clock)
{
    public const int PageSize = 10;

    // Private-use characters around matches in FTS5's output, turned into <mark> once the text is encoded.
    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    /// <summary>Published matches, best first: a match in the title weighs most, then tags, summary, body.</summary>
    public async Task<SearchResults> SearchAsync(SearchTerms terms, int page, CancellationToken ct)
    {
        if (terms.IsEmpty)
        {
            return new SearchResults([], 0, page, 1);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hits = db.Database.SqlQuery<SearchHit>($"""
            SELECT rowid AS Id,
                   bm25(ArticleSearch, 10.0, 3.0, 1.0, 5.0) AS Rank,
                   highlight(ArticleSearch, 0, char(57344), char(57345)) AS Title,
                   snippet(ArticleSearch, 2, char(57344), char(57345), '…', 32) AS Snippet
            FROM ArticleSearch WHERE ArticleSearch MATCH {terms.Match}
            """);
        var matches = from hit in hits
                      join article in db.Articles.AsNoTracking().PublishedAt(now) on hit.Id equals article.Id
                      select new { hit, article };

        var total = await matches.CountAsync(ct);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var rows = await matches
            .OrderBy(m => m.hit.Rank).ThenByDescending(m => m.article.PublishedAt)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new
            {
                m.article.Slug,
                m.hit.Title,
                m.hit.Snippet,
                m.article.Summary,
                CategorySlug = m.article.Category!.Slug,
                CategoryName = m.article.Category.Name,
                m.article.PublishedAt,
                m.article.ReadingMinutes,
            })
            .ToListAsync(ct);

        var items = rows.Select(r => new SearchResult(r.Slug, Marked(r.Title),
            // A passage of the body when the match is there; the summary when the title or tags matched.
            r.Snippet.Contains(MarkStart, StringComparison.Ordinal) || r.Summary.Length == 0 ? Marked(r.Snippet) : Marked(r.Summary),
            r.CategorySlug, r.CategoryName, r.PublishedAt!.Value, r.ReadingMinutes)).ToList();
        return new SearchResults(items, total, page, totalPages);
    }

    /// <summary>HTML-encodes <paramref name="text"/> and turns FTS5's match markers into balanced <c>mark</c> elements.</summary>
    public static HtmlString Marked(string text)
    {
        var html = new StringBuilder(text.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not (MarkStart or MarkEnd))
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[start..i]));
            start = i + 1;
            if (i == text.Length)
            {
                break;
            }

            // A marker the article text itself contains is dropped unless it opens or closes a match.
            if (text[i] == MarkStart && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (text[i] == MarkEnd && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        return new HtmlString(open ? html.Append("</mark>").ToString() : html.ToString());
    }

    private sealed class SearchHit
    {
        public int Id { get; init; }
        public double Rank { get; init; }
        public string Title { get; init; } = "";
        public string Snippet { get; init; } = "";
    }
}
