using System.Security.Claims;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>What the editor reads: the writer's list, one article as a form, its revisions.</summary>
public sealed class ArticleEditorQueries(BlogDbContext db, IFullTextIndex index, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>Articles the list counts and pages through, at most.</summary>
    public const int MaxListed = 1_000;

    public async Task<Writer?> WriterAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return name is null ? null : new Writer(id!, name, user.IsInRole(Roles.Admin));
    }

    public async Task<EditorList> ListAsync(Writer writer, string? search, EditorStatus? status, int pageNumber, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Articles.AsNoTracking();
        if (!writer.IsAdmin)
        {
            query = query.Where(a => a.AuthorId == writer.Id);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.MatchingTitleOrSlug(index, search);
        }

        query = status switch
        {
            EditorStatus.Draft => query.Where(a => a.Status == ArticleStatus.Draft),
            EditorStatus.Scheduled => query.ScheduledAfter(now),
            EditorStatus.Published => query.PublishedAt(now),
            _ => query,
        };

        // Counted up to a bound, and paged no deeper: past a thousand articles an editor types a few words instead.
        var total = await query.Take(MaxListed + 1).CountAsync(ct);
        var totalPages = Math.Max(1, (Math.Min(total, MaxListed) + PageSize - 1) / PageSize);
        pageNumber = Math.Clamp(pageNumber, 1, totalPages);
        var rows = await query
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Slug,
                a.Status,
                a.PublishedAt,
                a.UpdatedAt,
                a.AuthorName,
                a.Views,
                a.Hearts,
                a.SourcePath,
                Comments = db.Comments.Count(c => c.ArticleId == a.Id && c.Status == CommentStatus.Published),
            })
            .ToListAsync(ct);
        var items = rows.Select(a => new EditorListItem(a.Id, a.Title, a.Slug, EditorStatuses.Of(a.Status, a.PublishedAt, now),
            a.PublishedAt, a.UpdatedAt, a.AuthorName, a.Views, a.Hearts, a.Comments, a.SourcePath)).ToList();
        return new EditorList(items, pageNumber, totalPages, Math.Min(total, MaxListed), total > MaxListed);
    }

    /// <summary>The signed-in writer and article <paramref name="id"/>, when they may edit it.</summary>
    public async Task<Opened> OpenAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (await WriterAsync(user, ct) is not { } writer)
        {
            return new Opened(Access.Forbidden, null, null);
        }

        var article = await FindAsync(id, ct);
        return article is null ? new Opened(Access.NotFound, writer, null)
            : writer.MayEdit(article.AuthorId) ? new Opened(Access.Allowed, writer, article)
            : new Opened(Access.Forbidden, writer, null);
    }

    public async Task<EditorArticle?> FindAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var a = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id,
                a.Slug,
                a.Title,
                a.Summary,
                Category = a.Category!.Name,
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                a.Status,
                a.PublishedAt,
                a.AdsOff,
                a.CommentsClosed,
                Body = a.Body.Markdown,
                a.AuthorId,
                a.AuthorName,
                a.SourcePath,
                a.UpdatedAt,
            })
            .SingleOrDefaultAsync(ct);
        if (a is null)
        {
            return null;
        }

        var input = new ArticleInput
        {
            Title = a.Title,
            Slug = a.Slug,
            Summary = a.Summary,
            Category = a.Category,
            Tags = string.Join(", ", a.Tags),
            Status = a.Status,
            PublishAt = a.PublishedAt,
            AdsOff = a.AdsOff,
            CommentsClosed = a.CommentsClosed,
            Body = a.Body,
        };
        return new EditorArticle(a.Id, a.Slug, EditorStatuses.Of(a.Status, a.PublishedAt, now), a.AuthorId, a.AuthorName, a.SourcePath, a.UpdatedAt, input);
    }

    public Task<List<string>> CategoryNamesAsync(CancellationToken ct) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);

    public Task<List<RevisionItem>> RevisionsAsync(int articleId, CancellationToken ct) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new RevisionItem(r.Id, r.CreatedAt, r.SavedByName, r.Title, r.Note, r.Body.Length))
            .ToListAsync(ct);

    public Task<RevisionDetails?> RevisionAsync(int articleId, int revisionId, CancellationToken ct) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId && r.Id == revisionId)
            .Select(r => new RevisionDetails(r.Id, r.CreatedAt, r.SavedByName, r.Title, r.Summary, r.Body, r.Note))
            .SingleOrDefaultAsync(ct);

    /// <summary>Articles in the bin, most recently deleted first: only Admins see this.</summary>
    public async Task<List<EditorListItem>> BinAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Articles.IgnoreQueryFilters().AsNoTracking().Where(a => a.DeletedAt != null)
            .OrderByDescending(a => a.DeletedAt)
            .Select(a => new { a.Id, a.Title, a.Slug, a.Status, a.PublishedAt, DeletedAt = a.DeletedAt!.Value, a.AuthorName, a.Views, a.Hearts, a.SourcePath })
            .ToListAsync(ct);
        return rows.Select(a => new EditorListItem(a.Id, a.Title, a.Slug, EditorStatuses.Of(a.Status, a.PublishedAt, now),
            a.PublishedAt, a.DeletedAt, a.AuthorName, a.Views, a.Hearts, 0, a.SourcePath)).ToList();
    }
}
