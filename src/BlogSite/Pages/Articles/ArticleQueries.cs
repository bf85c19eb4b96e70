using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Articles;

/// <summary>Published articles as readers see them: lists and the article page.</summary>
public sealed class ArticleQueries(BlogDbContext db, MarkdownRenderer renderer, TimeProvider clock)
{
    public const int PageSize = 10;

    public async Task<ArticleDetails?> FindPublishedAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await Published(now)
            .Where(a => a.Slug == slug)
            .Select(a => new
            {
                a.Id,
                a.Slug,
                a.Title,
                a.Summary,
                CategorySlug = a.Category!.Slug,
                CategoryName = a.Category.Name,
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => new TagLink(t.Slug, t.Name)).ToList(),
                a.AuthorName,
                AuthorSlug = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.Slug).FirstOrDefault(),
                a.PublishedAt,
                a.UpdatedAt,
                a.WordCount,
                a.ReadingMinutes,
                a.Views,
                a.Hearts,
                a.AdsOff,
                a.CommentsClosed,
                a.ContentHash,
                a.Body,
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }

        var body = await renderer.RenderArticleAsync(article.ContentHash, article.Body, ct);
        return new ArticleDetails(article.Id, article.Slug, article.Title, article.Summary, article.CategorySlug,
            article.CategoryName, article.Tags, article.AuthorName, article.AuthorSlug, article.PublishedAt!.Value, article.UpdatedAt, article.WordCount,
            article.ReadingMinutes, article.Views, article.Hearts, article.AdsOff, article.CommentsClosed, body);
    }

    public const int RelatedCount = 3;

    /// <summary>
    /// Up to three published articles most like <paramref name="article"/>: each shared tag counts two,
    /// the same category one; ties go to the newer. Articles sharing nothing are not shown.
    /// </summary>
    public async Task<IReadOnlyList<RelatedArticle>> RelatedAsync(ArticleDetails article, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tagSlugs = article.Tags.Select(t => t.Slug).ToList();
        var candidates = await Published(now)
            .Where(a => a.Id != article.Id)
            .Select(a => new
            {
                a.Slug,
                a.Title,
                a.PublishedAt,
                a.ReadingMinutes,
                Score = a.Tags.Count(t => tagSlugs.Contains(t.Slug)) * 2 + (a.Category!.Slug == article.CategorySlug ? 1 : 0),
            })
            .Where(a => a.Score > 0)
            .OrderByDescending(a => a.Score).ThenByDescending(a => a.PublishedAt)
            .Take(RelatedCount)
            .ToListAsync(ct);
        return candidates.Select(a => new RelatedArticle(a.Slug, a.Title, a.PublishedAt!.Value, a.ReadingMinutes)).ToList();
    }

    /// <summary>The current slug of a published article that used to be at <paramref name="oldSlug"/>.</summary>
    public Task<string?> FindRedirectAsync(string oldSlug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.SlugRedirects.AsNoTracking()
            .Where(r => r.OldSlug == oldSlug)
            .Select(r => r.Article!)
            .PublishedAt(now)
            .Select(a => a.Slug)
            .FirstOrDefaultAsync(ct);
    }

    public Task<ArticlePage> ListAsync(int page, CancellationToken ct) =>
        PageAsync(Published(clock.GetUtcNow().UtcDateTime), page, ct);

    public Task<ArticlePage> ListByCategoryAsync(string categorySlug, int page, CancellationToken ct) =>
        PageAsync(Published(clock.GetUtcNow().UtcDateTime).Where(a => a.Category!.Slug == categorySlug), page, ct);

    public Task<ArticlePage> ListByTagAsync(string tagSlug, int page, CancellationToken ct) =>
        PageAsync(Published(clock.GetUtcNow().UtcDateTime).Where(a => a.Tags.Any(t => t.Slug == tagSlug)), page, ct);

    public Task<ArticlePage> ListByAuthorAsync(string authorId, int page, CancellationToken ct) =>
        PageAsync(Published(clock.GetUtcNow().UtcDateTime).Where(a => a.AuthorId == authorId), page, ct);

    /// <summary>The author's account id and display name, by the slug of their author page.</summary>
    public async Task<(string Id, string Name)?> FindAuthorAsync(string slug, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Slug == slug).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        return author is null ? null : (author.Id, author.DisplayName);
    }

    public Task<string?> FindCategoryNameAsync(string slug, CancellationToken ct) =>
        db.Categories.AsNoTracking().Where(c => c.Slug == slug).Select(c => c.Name).FirstOrDefaultAsync(ct);

    public Task<string?> FindTagNameAsync(string slug, CancellationToken ct) =>
        db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => t.Name).FirstOrDefaultAsync(ct);

    private IQueryable<Article> Published(DateTime now) => db.Articles.AsNoTracking().PublishedAt(now);

    private static async Task<ArticlePage> PageAsync(IQueryable<Article> articles, int page, CancellationToken ct)
    {
        var total = await articles.CountAsync(ct);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var items = await articles
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new ArticleSummary(a.Slug, a.Title, a.Summary, a.Category!.Slug, a.Category.Name,
                a.AuthorName, a.PublishedAt!.Value, a.ReadingMinutes, a.Views, a.Hearts))
            .ToListAsync(ct);
        return new ArticlePage(items, page, totalPages);
    }
}
