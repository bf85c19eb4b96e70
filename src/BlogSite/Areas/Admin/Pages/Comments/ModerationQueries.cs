using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Security.Claims;
using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Areas.Admin.Pages.Comments;

/// <summary>The moderation queue, one comment with its history, and the audit trail.</summary>
public sealed class ModerationQueries(BlogDbContext db, IFullTextIndex index, CommentRenderer renderer)
{
    public const int PageSize = 25;
    public const int AuditPageSize = 50;

    /// <summary>Comments a tab counts and pages through, at most: past it the tab says "1,000+" and a moderator narrows the filters.</summary>
    public const int MaxCounted = 1_000;

    /// <summary>Articles an article filter narrows the queue to, at most (the newest that match).</summary>
    public const int MaxArticles = 100;

    /// <summary>
    /// Comments of a tab a text or held-reason search reads, at most (the newest), unless an article narrows it:
    /// the text has no index, so searching a million published comments read every one (11 s); 10,000 take ~0.1 s.
    /// </summary>
    public const int MaxSearched = 10_000;
    private const int ExcerptLength = 140;

    private static readonly Expression<Func<Comment, CommentRow>> ToRow = c => new CommentRow(
        c.Id, c.Article!.Slug, c.Article.Title, c.ParentId,
        c.Parent == null ? null : c.Parent.AuthorName,
        c.Parent == null ? null : c.Parent.Body.Substring(0, ExcerptLength * 2),
        c.AuthorName, c.Body, c.CreatedAt, c.Status, c.HeldReason, c.ReportCount);

    private static readonly Expression<Func<ModerationEvent, ModerationEventItem>> ToEventItem = e => new ModerationEventItem(
        e.Id, e.CommentId, e.Comment!.AuthorName, e.Comment.Article!.Title, e.ActorName, e.Action,
        e.FromStatus, e.ToStatus, e.Note, e.At);

    public async Task<ModerationQueuePage> QueueAsync(ModerationFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (matching, tooManyArticles) = await MatchingAsync(filter, ct);
        var bounded = Normalized(filter.Article) is null && (Normalized(filter.Search) ?? Normalized(filter.Held)) is not null;
        var searchedNewestOnly = false;

        // The tabs count what the other filters leave, so a tab's number is what it will list. Each counts through
        // the (Status, CreatedAt) or (ArticleId, Status, CreatedAt) index and stops one past the bound: a
        // million published comments cost what a thousand do.
        var tabs = new List<StatusTab>();
        var tabbed = new Dictionary<CommentStatus, IQueryable<Comment>>();
        foreach (var status in ModerationRules.Statuses)
        {
            var inTab = matching.Where(c => c.Status == status);
            if (bounded && await NewestSearchedAsync(status, ct) is { } since)
            {
                inTab = inTab.Where(c => c.CreatedAt >= since);
                searchedNewestOnly |= status == filter.Status;
            }

            tabbed[status] = inTab;
            var counted = await inTab.Take(MaxCounted + 1).CountAsync(ct);
            tabs.Add(new StatusTab(status, Math.Min(counted, MaxCounted), counted > MaxCounted));
        }

        var total = tabs.Single(t => t.Status == filter.Status).Count;
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        // After a bulk action empties the last page, show the page before it rather than nothing.
        var pageNumber = Math.Clamp(filter.PageNumber, 1, totalPages);
        var rows = await tabbed[filter.Status]
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(ToRow)
            .ToListAsync(ct);

        return new ModerationQueuePage(rows.Select(ToItem).ToList(), tabs, tooManyArticles, searchedNewestOnly, pageNumber, totalPages, total);
    }

    /// <summary>The date of the tab's <see cref="MaxSearched"/>th newest comment, through the (Status, CreatedAt) index; null when it holds fewer.</summary>
    private Task<DateTime?> NewestSearchedAsync(CommentStatus status, CancellationToken ct) =>
        db.Comments.AsNoTracking().Where(c => c.Status == status)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => (DateTime?)c.CreatedAt)
            .Skip(MaxSearched - 1)
            .FirstOrDefaultAsync(ct);

    public async Task<CommentModeration?> FindAsync(int id, CancellationToken ct)
    {
        var row = await db.Comments.AsNoTracking().Where(c => c.Id == id).Select(ToRow).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var replies = await db.Comments.CountAsync(c => c.ParentId == id, ct);
        var reports = await db.CommentReports.AsNoTracking()
            .Where(r => r.CommentId == id)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new CommentReportItem(r.Reason, r.CreatedAt))
            .ToListAsync(ct);
        var events = await db.ModerationEvents.AsNoTracking()
            .Where(e => e.CommentId == id)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(ToEventItem)
            .ToListAsync(ct);
        return new CommentModeration(ToItem(row), replies, reports, events);
    }

    public async Task<AuditPage> AuditAsync(int pageNumber, CancellationToken ct)
    {
        var total = await db.ModerationEvents.CountAsync(ct);
        var totalPages = Math.Max(1, (total + AuditPageSize - 1) / AuditPageSize);
        pageNumber = Math.Clamp(pageNumber, 1, totalPages);
        var items = await db.ModerationEvents.AsNoTracking()
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((pageNumber - 1) * AuditPageSize).Take(AuditPageSize)
            .Select(ToEventItem)
            .ToListAsync(ct);
        return new AuditPage(items, pageNumber, totalPages, total);
    }

    /// <summary>The signed-in user's id and display name, for the audit trail.</summary>
    public async Task<Actor> ActorAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("Moderation needs a signed-in user.");
        var name = user.FindFirstValue("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            name = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            name = user.Identity?.Name ?? id;
        }

        return new Actor(id, name.Length > BlogUser.MaxDisplayNameLength ? name[..BlogUser.MaxDisplayNameLength] : name);
    }

    [SuppressMessage("Globalization", "CA1304", Justification = "EF Core translates ToLower() to SQL lower(); the culture overloads don't translate.")]
    [SuppressMessage("Globalization", "CA1311", Justification = "EF Core translates ToLower() to SQL lower(); the culture overloads don't translate.")]
    [SuppressMessage("Performance", "CA1862", Justification = "Contains(string, StringComparison) doesn't translate to SQL.")]
    private async Task<(IQueryable<Comment> Comments, bool TooManyArticles)> MatchingAsync(ModerationFilter filter, CancellationToken ct)
    {
        var comments = db.Comments.AsNoTracking();
        var tooManyArticles = false;
        if (Normalized(filter.Article) is not null)
        {
            // The articles first, through the search index and the slug index, then their comments through
            // (ArticleId, Status, CreatedAt): never a scan of the comments for an article's title.
            var articleIds = await db.Articles.AsNoTracking().MatchingTitleOrSlug(index, filter.Article!)
                .OrderByDescending(a => a.Id).Select(a => a.Id).Take(MaxArticles + 1).ToListAsync(ct);
            tooManyArticles = articleIds.Count > MaxArticles;
            var ids = articleIds.Take(MaxArticles).ToList();
            comments = comments.Where(c => ids.Contains(c.ArticleId));
        }

        // Lower-cased on both sides: SQLite's instr and PostgreSQL's strpos both match case.
        if (Normalized(filter.Search) is { } search)
        {
            comments = comments.Where(c => c.Body.ToLower().Contains(search) || c.AuthorName.ToLower().Contains(search));
        }

        if (Normalized(filter.Held) is { } held)
        {
            comments = comments.Where(c => c.HeldReason != null && c.HeldReason.ToLower().Contains(held));
        }

        return (comments, tooManyArticles);
    }

    private static string? Normalized(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();

    private ModerationItem ToItem(CommentRow row) => new(
        row.Id, row.ArticleSlug, row.ArticleTitle,
        row.ParentId is { } parentId ? new ParentContext(parentId, row.ParentAuthor ?? "", Excerpt(row.ParentBody ?? "")) : null,
        row.AuthorName, renderer.Render(row.Body), row.CreatedAt, row.Status, row.HeldReason, row.ReportCount,
        Comment.MovesFrom(row.Status));

    /// <summary>The start of a comment on one line, cut at a word: enough to recognise it.</summary>
    private static string Excerpt(string body)
    {
        var text = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= ExcerptLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', ExcerptLength);
        return string.Concat(text.AsSpan(0, cut > ExcerptLength / 2 ? cut : ExcerptLength), "…");
    }

    private sealed record CommentRow(
        int Id,
        string ArticleSlug,
        string ArticleTitle,
        int? ParentId,
        string? ParentAuthor,
        string? ParentBody,
        string AuthorName,
        string Body,
        DateTime CreatedAt,
        CommentStatus Status,
        string? HeldReason,
        int ReportCount);
}
