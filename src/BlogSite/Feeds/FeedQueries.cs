using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Feeds;

/// <summary>Which articles a feed holds: the whole site, one category or one tag.</summary>
public enum FeedScope
{
    Site,
    Category,
    Tag,
}

public sealed record FeedArticle(
    string Slug, string Title, string Summary, string AuthorName, DateTime PublishedAt, DateTime UpdatedAt, string ContentHash, string Body);

/// <summary>A feed's name (null for the whole site) and its newest articles.</summary>
public sealed record FeedSource(string? Name, IReadOnlyList<FeedArticle> Articles);

public sealed record SitemapArticle(string Slug, DateTime UpdatedAt, string CategorySlug, IReadOnlyList<string> TagSlugs);

/// <summary>Published articles for feeds and the sitemap.</summary>
public sealed class FeedQueries(BlogDbContext db, TimeProvider clock)
{
    public const int MaxItems = 20;

    /// <summary>The newest published articles in <paramref name="scope"/>; null when the category or tag does not exist.</summary>
    public async Task<FeedSource?> LatestAsync(FeedScope scope, string? slug, CancellationToken ct)
    {
        var articles = Published();
        string? name = null;
        switch (scope)
        {
            case FeedScope.Category:
                name = await db.Categories.AsNoTracking().Where(c => c.Slug == slug).Select(c => c.Name).FirstOrDefaultAsync(ct);
                articles = articles.Where(a => a.Category!.Slug == slug);
                break;
            case FeedScope.Tag:
                name = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync(ct);
                articles = articles.Where(a => a.Tags.Any(t => t.Slug == slug));
                break;
            case FeedScope.Site:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scope));
        }

        if (scope != FeedScope.Site && name is null)
        {
            return null;
        }

        var items = await articles
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(MaxItems)
            .Select(a => new FeedArticle(a.Slug, a.Title, a.Summary, a.AuthorName, a.PublishedAt!.Value, a.UpdatedAt, a.ContentHash, a.Body))
            .ToListAsync(ct);
        return new FeedSource(name, items);
    }

    // Every published article with its category and tags; a blog is small enough to group these in memory,
    // and a category or tag that only holds drafts never appears.
    public async Task<IReadOnlyList<SitemapArticle>> SitemapAsync(CancellationToken ct) =>
        await Published()
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new SitemapArticle(a.Slug, a.UpdatedAt, a.Category!.Slug, a.Tags.Select(t => t.Slug).ToList()))
            .AsSplitQuery()
            .ToListAsync(ct);

    private IQueryable<Article> Published()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking().PublishedAt(now);
    }
}
