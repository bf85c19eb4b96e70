using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Pages.Archive;
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

public sealed record SitemapArticle(string Slug, DateTime UpdatedAt);

/// <summary>Published articles for feeds and the sitemap.</summary>
public sealed class FeedQueries(BlogDbContext db, ArchiveQueries archive, TimeProvider clock)
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
            .Select(a => new FeedArticle(a.Slug, a.Title, a.Summary, a.AuthorName, a.PublishedAt!.Value, a.UpdatedAt, a.ContentHash, a.Body.Markdown))
            .ToListAsync(ct);
        return new FeedSource(name, items);
    }

    /// <summary>How many files of <see cref="SitemapWriter.UrlsPerFile"/> ids the articles and the tags need: from the highest ids, not a count.</summary>
    public async Task<(int Articles, int Tags)> SitemapFilesAsync(CancellationToken ct)
    {
        var articles = await db.Articles.IgnoreQueryFilters().MaxAsync(a => (int?)a.Id, ct) ?? 0;
        var tags = await db.Tags.MaxAsync(t => (int?)t.Id, ct) ?? 0;
        return (FilesFor(articles), FilesFor(tags));

        static int FilesFor(int maxId) => (maxId + SitemapWriter.UrlsPerFile - 1) / SitemapWriter.UrlsPerFile;
    }

    /// <summary>The newest publication date, for the lastmod of the home page and the archive.</summary>
    public Task<DateTime?> NewestPublishedAsync(CancellationToken ct) =>
        Published().MaxAsync(a => a.PublishedAt, ct);

    /// <summary>Slugs of the categories and archive months that hold a published article.</summary>
    public async Task<(IReadOnlyList<string> Categories, IReadOnlyList<DateOnly> Months)> SitemapPagesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.Articles.AsQueryable().Any(ArticleQueryExtensions.VisibleAt(now)))
            .OrderBy(c => c.Slug)
            .Select(c => c.Slug)
            .ToListAsync(ct);
        var months = (await archive.YearsAsync(ct)).SelectMany(y => y.Months).Select(m => m.Month).ToList();
        return (categories, months);
    }

    /// <summary>Published articles of the <paramref name="file"/>th block of ids (from 1), in id order, as they are read.</summary>
    public IAsyncEnumerable<SitemapArticle> SitemapArticlesAsync(int file) =>
        Published()
            .Where(a => a.Id > (file - 1) * SitemapWriter.UrlsPerFile && a.Id <= file * SitemapWriter.UrlsPerFile)
            .OrderBy(a => a.Id)
            .Select(a => new SitemapArticle(a.Slug, a.UpdatedAt))
            .AsAsyncEnumerable();

    /// <summary>Slugs of the tags of the <paramref name="file"/>th block of ids that are on a published article.</summary>
    public IAsyncEnumerable<string> SitemapTagsAsync(int file)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Tags.AsNoTracking()
            .Where(t => t.Id > (file - 1) * SitemapWriter.UrlsPerFile && t.Id <= file * SitemapWriter.UrlsPerFile)
            .Where(t => t.Articles.AsQueryable().Any(ArticleQueryExtensions.VisibleAt(now)))
            .OrderBy(t => t.Id)
            .Select(t => t.Slug)
            .AsAsyncEnumerable();
    }

    private IQueryable<Article> Published()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking().PublishedAt(now);
    }
}
