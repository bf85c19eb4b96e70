using System.Diagnostics.CodeAnalysis;
using BlogSite.Domain;
using BlogSite.Pages.Search;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Data;

/// <summary>
/// The full-text index of articles: an SQLite FTS5 table with one row per article (rowid = article id),
/// created and kept in step by triggers on Articles, ArticleBodies, ArticleTags and Tags (migrations Search and
/// ArticleBodies). SQLite refuses the RETURNING clause on tables with AFTER triggers, so those save without it.
/// Every article is in it, drafts and the bin too: the reader's search filters, the admin lists do not.
/// </summary>
public static class SearchIndex
{
    public const string Table = "ArticleSearch";

    /// <summary>Articles (Id, Status, PublishedAt, DeletedAt): whether a match may be shown, without reading the article's row.</summary>
    public const string VisibleIndex = "IX_Articles_Visible";

    /// <summary>
    /// The articles an editor means by <paramref name="text"/>: every word of it in the title (as prefixes,
    /// through the index) or a slug that starts with it (a range of the unique slug index). Neither reads the
    /// Articles table, so finding one article among 100,000 costs what finding it among ten does.
    /// </summary>
    [SuppressMessage("Globalization", "CA1309", Justification = "EF Core translates string.Compare to SQL's <, >=, which compare bytes; the ordinal overload doesn't translate.")]
    public static IQueryable<Article> MatchingTitleOrSlug(this IQueryable<Article> articles, BlogDbContext db, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        var slug = Slug.From(text.Trim().TrimStart('/'));
        var terms = SearchTerms.Parse(text);
        if (terms.IsEmpty || slug.Length == 0)
        {
            return articles.Where(a => false);
        }

        // Slugs are [a-z0-9-]: every slug with this prefix sorts at or after it and before the prefix with its
        // last character one higher.
        var after = slug[..^1] + (char)(slug[^1] + 1);
        var titled = db.Database.SqlQuery<int>($"""
            SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {"Title : (" + terms.Match + ")"}
            """);
        return articles.Where(a => (string.Compare(a.Slug, slug) >= 0 && string.Compare(a.Slug, after) < 0) || titled.Contains(a.Id));
    }
}
