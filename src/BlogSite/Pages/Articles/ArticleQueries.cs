using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Articles;

/// <summary>Published articles as readers see them: lists and the article page.</summary>
public sealed class ArticleQueries(BlogDbContext db, MarkdownRenderer renderer, TimeProvider clock, IOptions<ListOptions> lists)
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
                a.CategoryId,
                CategorySlug = a.Category!.Slug,
                CategoryName = a.Category.Name,
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => new TagLink(t.Id, t.Slug, t.Name)).ToList(),
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
                Body = a.Body.Markdown,
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }

        var body = await renderer.RenderArticleAsync(article.ContentHash, article.Body, ct);
        return new ArticleDetails(article.Id, article.Slug, article.Title, article.Summary, article.CategoryId, article.CategorySlug,
            article.CategoryName, article.Tags, article.AuthorName, article.AuthorSlug, article.PublishedAt!.Value, article.UpdatedAt, article.WordCount,
            article.ReadingMinutes, article.Views, article.Hearts, article.AdsOff, article.CommentsClosed, body);
    }

    public const int RelatedCount = 3;

    /// <summary>
    /// Candidates read per shared tag and from the category, through the indexes: the category's newest, and each
    /// tag's most recently added (the highest ids, in the order of the tag's index, so a tag of thousands of
    /// articles is not sorted by date to find them).
    /// </summary>
    public const int RelatedCandidates = 25;

    /// <summary>
    /// Up to three published articles most like <paramref name="article"/>: each shared tag counts two,
    /// the same category one; ties go to the newer. Articles sharing nothing are not shown. The candidates are
    /// the latest few of each of its tags and of its category, so the page reads a bounded number of rows at any
    /// size of the store; an older article that shares more can lose to a newer one that shares less.
    /// One query: the candidates' ids as a union of those index walks, each candidate's shared tags counted
    /// through the (ArticlesId, TagsId) key. The shared tags are matched against this article's own rows rather
    /// than a list of ids: a list parameter makes EF write the SQL again on every request.
    /// </summary>
    public async Task<IReadOnlyList<RelatedArticle>> RelatedAsync(ArticleDetails article, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tagged = db.Set<Dictionary<string, object>>("ArticleTags");
        var (articleId, categoryId) = (article.Id, article.CategoryId);
        var tagIds = article.Tags.Select(t => t.Id).ToList();

        var candidateIds = Published(now)
            .Where(a => a.CategoryId == categoryId && a.Id != articleId)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => a.Id)
            .Take(RelatedCandidates);
        foreach (var tagId in tagIds)
        {
            candidateIds = candidateIds.Concat((
                from link in tagged
                where EF.Property<int>(link, "TagsId") == tagId
                join a in Published(now) on EF.Property<int>(link, "ArticlesId") equals a.Id
                where a.Id != articleId
                orderby EF.Property<int>(link, "ArticlesId") descending
                select a.Id)
                .Take(RelatedCandidates));
        }

        var candidates = await db.Articles.AsNoTracking()
            .Where(a => candidateIds.Contains(a.Id))
            .Select(a => new RelatedCandidate(a.Id, a.CategoryId, a.Slug, a.Title, a.PublishedAt!.Value, a.ReadingMinutes,
                tagged.Count(link => EF.Property<int>(link, "ArticlesId") == a.Id
                    && tagged.Any(mine => EF.Property<int>(mine, "ArticlesId") == articleId && EF.Property<int>(mine, "TagsId") == EF.Property<int>(link, "TagsId")))))
            .ToListAsync(ct);

        return candidates
            .Select(c => (Candidate: c, Score: c.SharedTags * 2 + (c.CategoryId == categoryId ? 1 : 0)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Candidate.PublishedAt).ThenByDescending(c => c.Candidate.Id)
            .Take(RelatedCount)
            .Select(c => new RelatedArticle(c.Candidate.Slug, c.Candidate.Title, c.Candidate.PublishedAt, c.Candidate.ReadingMinutes))
            .ToList();
    }

    private sealed record RelatedCandidate(int Id, int CategoryId, string Slug, string Title, DateTime PublishedAt, int ReadingMinutes, int SharedTags);

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

    public Task<ArticlePage> ListByCategoryAsync(int categoryId, int page, CancellationToken ct) =>
        PageAsync(Published(clock.GetUtcNow().UtcDateTime).Where(a => a.CategoryId == categoryId), page, ct);

    /// <summary>
    /// From the tag to its articles (the (TagsId, ArticlesId) index), then newest first: the page sorts the tag's
    /// articles, so it costs what the tag holds, not what the store holds.
    /// </summary>
    public Task<ArticlePage> ListByTagAsync(int tagId, int page, CancellationToken ct)
    {
        var tagged = db.Set<Dictionary<string, object>>("ArticleTags");
        var articles =
            from link in tagged
            where EF.Property<int>(link, "TagsId") == tagId
            join a in Published(clock.GetUtcNow().UtcDateTime) on EF.Property<int>(link, "ArticlesId") equals a.Id
            select a;
        return PageAsync(articles, page, ct);
    }

    public Task<ArticlePage> ListByAuthorAsync(string authorId, int page, CancellationToken ct) =>
        PageAsync(Published(clock.GetUtcNow().UtcDateTime).Where(a => a.AuthorId == authorId), page, ct);

    /// <summary>The author's account id and display name, by the slug of their author page.</summary>
    public async Task<(string Id, string Name)?> FindAuthorAsync(string slug, CancellationToken ct)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Slug == slug).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        return author is null ? null : (author.Id, author.DisplayName);
    }

    /// <summary>The category's id and name, by its slug.</summary>
    public async Task<(int Id, string Name)?> FindCategoryAsync(string slug, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().Where(c => c.Slug == slug).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        return category is null ? null : (category.Id, category.Name);
    }

    /// <summary>The tag's id and name, by its slug.</summary>
    public async Task<(int Id, string Name)?> FindTagAsync(string slug, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
        return tag is null ? null : (tag.Id, tag.Name);
    }

    private IQueryable<Article> Published(DateTime now) => db.Articles.AsNoTracking().PublishedAt(now);

    /// <summary>
    /// One page, newest first. The count stops one row past the last page a list offers, so a list reads at most
    /// <see cref="ListOptions.MaxPages"/> pages' worth of rows; a page beyond that is no page (the caller answers 404).
    /// </summary>
    private async Task<ArticlePage> PageAsync(IQueryable<Article> articles, int page, CancellationToken ct)
    {
        var shown = lists.Value.MaxPages * PageSize;
        var counted = await articles.Take(shown + 1).CountAsync(ct);
        var totalPages = Math.Max(1, (Math.Min(counted, shown) + PageSize - 1) / PageSize);
        if (page > totalPages)
        {
            return new ArticlePage([], page, totalPages, counted > shown);
        }

        var items = await articles
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new ArticleSummary(a.Slug, a.Title, a.Summary, a.Category!.Slug, a.Category.Name,
                a.AuthorName, a.PublishedAt!.Value, a.ReadingMinutes, a.Views, a.Hearts))
            .ToListAsync(ct);
        return new ArticlePage(items, page, totalPages, counted > shown);
    }
}
