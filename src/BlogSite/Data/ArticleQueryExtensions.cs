using System.Linq.Expressions;
using BlogSite.Domain;

namespace BlogSite.Data;

/// <summary>The store's side of <see cref="Article.IsPublishedAt"/>: the same rule, as SQL.</summary>
public static class ArticleQueryExtensions
{
    /// <summary>Whether readers see an article at <paramref name="now"/>: published, dated, and not in the future.</summary>
    public static Expression<Func<Article, bool>> VisibleAt(DateTime now) =>
        a => a.Status == ArticleStatus.Published && a.PublishedAt <= now;

    /// <summary>Articles readers see at <paramref name="now"/>.</summary>
    public static IQueryable<Article> PublishedAt(this IQueryable<Article> articles, DateTime now) =>
        articles.Where(VisibleAt(now));

    /// <summary>Published articles whose date is still to come.</summary>
    public static IQueryable<Article> ScheduledAfter(this IQueryable<Article> articles, DateTime now) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt > now);
}
