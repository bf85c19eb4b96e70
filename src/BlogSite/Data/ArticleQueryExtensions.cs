using BlogSite.Domain;

namespace BlogSite.Data;

/// <summary>The store's side of <see cref="Article.IsPublishedAt"/>: the same rule, as SQL.</summary>
public static class ArticleQueryExtensions
{
    /// <summary>Articles readers see at <paramref name="now"/>: published, dated, and not in the future.</summary>
    public static IQueryable<Article> PublishedAt(this IQueryable<Article> articles, DateTime now) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);

    /// <summary>Published articles whose date is still to come.</summary>
    public static IQueryable<Article> ScheduledAfter(this IQueryable<Article> articles, DateTime now) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now);
}
