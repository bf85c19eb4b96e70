using System.Diagnostics.CodeAnalysis;
using BlogSite.Domain;
using BlogSite.Pages.Search;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Data;

/// <summary>
/// The full-text index of articles, whatever the provider: what the search page and the admin lists ask of it.
/// The one place whose SQL depends on the provider; <see cref="DataServiceCollectionExtensions.AddBlogData"/>
/// registers the store's implementation.
/// </summary>
public interface IFullTextIndex
{
    /// <summary>
    /// Matches of <paramref name="terms"/> among the articles readers see at <paramref name="now"/> (published, dated, not
    /// in the bin), each with its rank (lower is better: a match in the title weighs most, then tags, summary, body), its
    /// title and a passage of its text with every matched word between <see cref="FullTextHit.MarkStart"/> and
    /// <see cref="FullTextHit.MarkEnd"/>. Composable: the caller counts, orders by rank or id, and pages.
    /// </summary>
    IQueryable<FullTextHit> Matches(SearchTerms terms, DateTime now);

    /// <summary>The ids of articles, in any status, whose title holds every one of <paramref name="terms"/>.</summary>
    IQueryable<int> TitleMatches(SearchTerms terms);
}

/// <summary>One match of <see cref="IFullTextIndex.Matches"/>; the marked title and passage are computed only for the rows read.</summary>
public sealed class FullTextHit
{
    /// <summary>Private-use characters around matched words; <see cref="SearchQueries.Marked"/> reads them back.</summary>
    public const char MarkStart = '\uE000';

    public const char MarkEnd = '\uE001';

    public int Id { get; init; }
    public double Rank { get; init; }
    public string Title { get; init; } = "";
    public string Snippet { get; init; } = "";
}

/// <summary>
/// The full-text index of articles on SQLite: an FTS5 table with one row per article (rowid = article id),
/// created and kept in step by triggers on Articles, ArticleBodies, ArticleTags and Tags (migrations Search and
/// ArticleBodies). SQLite refuses the RETURNING clause on tables with AFTER triggers, so those save without it.
/// Every article is in it, drafts and the bin too: the reader's search filters, the admin lists do not.
/// </summary>
public sealed class SqliteFullTextIndex(BlogDbContext db) : IFullTextIndex
{
    public const string Table = "ArticleSearch";

    /// <summary>Articles (Id, Status, PublishedAt, DeletedAt): whether a match may be shown, without reading the article's row.</summary>
    public const string VisibleIndex = "IX_Articles_Visible";

    public IQueryable<FullTextHit> Matches(SearchTerms terms, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        // The index does the work: the only table in the FROM is ArticleSearch, so FTS5 reads the matches in rank
        // (or id) order and SQLite stops once the page is full. Whether a match may be shown is one probe per match
        // read: an EXISTS rather than a join, so that the planner cannot turn it round into "every published
        // article, then MATCH once for each" (which took seconds at 100,000 articles), and through VisibleIndex,
        // because Status, PublishedAt and DeletedAt are stored after the body (the planner would read the row).
        // It is the rule of ArticleQueryExtensions.PublishedAt and of the bin's query filter, as SQL; the search
        // tests hold the two together. The marked title and passage are columns of this query too: SQLite computes
        // them only for the rows it returns, and snippet() tokenizes an article again, so ten, never every match.
        return db.Database.SqlQuery<FullTextHit>($"""
            SELECT rowid AS Id, rank AS Rank,
                   highlight(ArticleSearch, 0, char(57344), char(57345)) AS Title,
                   snippet(ArticleSearch, 2, char(57344), char(57345), '…', 32) AS Snippet
            FROM ArticleSearch
            WHERE ArticleSearch MATCH {terms.Match} AND rank MATCH 'bm25(10.0, 3.0, 1.0, 5.0)'
              AND EXISTS (SELECT 1 FROM Articles AS a INDEXED BY IX_Articles_Visible
                          WHERE a.Id = ArticleSearch.rowid AND a.Status = {(int)ArticleStatus.Published}
                            AND a.PublishedAt <= {now} AND a.DeletedAt IS NULL)
            """);
    }

    public IQueryable<int> TitleMatches(SearchTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return db.Database.SqlQuery<int>($"""
            SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {"Title : (" + terms.Match + ")"}
            """);
    }
}

/// <summary>Finding articles by what an editor types, through the full-text index and the slug index.</summary>
public static class ArticleSearchExtensions
{
    /// <summary>
    /// The articles an editor means by <paramref name="text"/>: every word of it in the title (as prefixes,
    /// through the index) or a slug that starts with it (a range of the unique slug index). Neither reads the
    /// Articles table, so finding one article among 100,000 costs what finding it among ten does.
    /// </summary>
    [SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare to SQL's <, >=, which compare bytes; the ordinal overload doesn't translate.")]
    public static IQueryable<Article> MatchingTitleOrSlug(this IQueryable<Article> articles, IFullTextIndex index, string text)
    {
        ArgumentNullException.ThrowIfNull(index);
        var slug = Slug.From(text.Trim().TrimStart('/'));
        var terms = SearchTerms.Parse(text);
        if (terms.IsEmpty || slug.Length == 0)
        {
            return articles.Where(a => false);
        }

        // Slugs are [a-z0-9-]: every slug with this prefix sorts at or after it and before the prefix with its
        // last character one higher.
        var after = slug[..^1] + (char)(slug[^1] + 1);
        var titled = index.TitleMatches(terms);
        return articles.Where(a => (string.Compare(a.Slug, slug) >= 0 && string.Compare(a.Slug, after) < 0) || titled.Contains(a.Id));
    }
}
