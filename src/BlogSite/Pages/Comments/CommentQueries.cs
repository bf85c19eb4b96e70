using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Comments;

/// <summary>
/// A comment as readers see it; <see cref="AwaitingModeration"/> is only ever true for its own poster.
/// <see cref="MoreReplies"/> counts the published replies of a thread beyond those shown with it.
/// </summary>
public sealed record CommentView(
    int Id, string AuthorName, DateTime CreatedAt, string Html, bool AwaitingModeration, IReadOnlyList<CommentView> Replies, int MoreReplies = 0);

/// <summary>
/// One page of an article's comments: threads oldest first (<see cref="Thread"/> null), or, for a thread longer than
/// a page shows, one page of that thread's replies (<see cref="Thread"/> its first comment, <see cref="ThreadPage"/>
/// the comment page that holds it). <see cref="PublishedCount"/> is every published comment of the article.
/// </summary>
public sealed record CommentPage(IReadOnlyList<CommentView> Comments, int PublishedCount, int Page, int TotalPages, int? Thread = null, int ThreadPage = 1);

/// <summary>Where a comment shows: its article, the comment page, and the thread when it is a reply past the thread's first page.</summary>
public sealed record CommentPlace(string Slug, int Page, int? Thread)
{
    /// <summary>The article page's route values that show this place.</summary>
    public object RouteValues() => new { slug = Slug, commentPage = Page == 1 ? (int?)null : Page, thread = Thread };
}

/// <summary>
/// An article's comments as its page shows them, a page at a time. Threads run oldest first, so a comment stays on its
/// page as later ones arrive and a link to it keeps working; a new comment lands on the last page. Pages are counted
/// in published comments, the same for every reader; a reader's own comments still waiting for a moderator show
/// where they fall by date, on the page that holds their neighbours.
/// </summary>
public sealed class CommentQueries(BlogDbContext db, CommentRenderer renderer, TimeProvider clock, IOptions<CommentOptions> options)
{
    /// <summary>A bound on the reader's own waiting comments read for one page; a rate limit keeps them far fewer.</summary>
    private const int MaxOwnPending = 100;

    /// <summary>
    /// Page <paramref name="page"/> of the threads of the article, each with its first replies; or, with
    /// <paramref name="thread"/>, page <paramref name="page"/> of that thread's replies. Null when there is no such page.
    /// </summary>
    public async Task<CommentPage?> PageAsync(int articleId, string? readerKey, int page, int? thread, CancellationToken ct)
    {
        var published = await db.Comments.CountAsync(c => c.ArticleId == articleId && c.Status == CommentStatus.Published, ct);
        if (thread is null && page == 1 && published <= Math.Min(options.Value.ThreadsPerPage, options.Value.RepliesPerThread)
            && await WholeDiscussionAsync(articleId, readerKey, published, ct) is { } whole)
        {
            return whole;
        }

        return thread is { } rootId
            ? await ThreadPageAsync(articleId, rootId, readerKey, page, published, ct)
            : await ThreadsPageAsync(articleId, readerKey, page, published, ct);
    }

    /// <summary>
    /// Most articles have fewer comments than one page shows: then the page is all of them, read in one query and
    /// threaded here, the same page the windows below would give in four. Null when the reader's own waiting comments
    /// are more than a page takes, for the windows to choose among.
    /// </summary>
    private async Task<CommentPage?> WholeDiscussionAsync(int articleId, string? readerKey, int published, CancellationToken ct)
    {
        // Sorted here, as the replies are below: no index serves this article's comments by date. The status is
        // named on its own so that the (ArticleId, Status) index skips the article's spam and deleted comments.
        var rows = (await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId && (c.Status == CommentStatus.Published || c.Status == CommentStatus.Pending))
            .Where(Visible(readerKey))
            .Take(published + MaxOwnPending + 1)
            .Select(c => new Row(c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.Body, c.Status)).ToListAsync(ct))
            .Order(Row.Order)
            .ToList();
        if (rows.Count > published + MaxOwnPending)
        {
            return null;
        }

        var replies = rows.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        var views = new List<CommentView>();
        foreach (var root in rows.Where(r => r.ParentId is null))
        {
            views.Add(await ViewAsync(root, await ViewsAsync(replies[root.Id], ct), 0, ct));
        }

        return new CommentPage(views, published, 1, 1);
    }

    /// <summary>
    /// The page that shows comment <paramref name="commentId"/> (published, or the reader's own waiting one) on its
    /// published article; null when the reader may not see it.
    /// </summary>
    public async Task<CommentPlace?> LocateAsync(int commentId, string? readerKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = await db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId)
            .Where(Visible(readerKey))
            .Select(c => new { c.Id, c.ParentId, c.CreatedAt, c.ArticleId, Article = db.Articles.PublishedAt(now).Where(a => a.Id == c.ArticleId).Select(a => a.Slug).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (comment?.Article is null)
        {
            return null;
        }

        var root = comment.ParentId is { } parentId
            ? await db.Comments.AsNoTracking().Where(c => c.Id == parentId).Select(c => new { c.Id, c.CreatedAt }).SingleAsync(ct)
            : new { comment.Id, comment.CreatedAt };
        var rootPage = await PlaceAsync(Roots(comment.ArticleId), root.CreatedAt, root.Id, options.Value.ThreadsPerPage, ct);
        if (comment.ParentId is not { } threadId)
        {
            return new CommentPlace(comment.Article, rootPage, null);
        }

        var replyPage = await PlaceAsync(Replies(threadId), comment.CreatedAt, comment.Id, options.Value.RepliesPerThread, ct);
        return replyPage == 1 ? new CommentPlace(comment.Article, rootPage, null) : new CommentPlace(comment.Article, replyPage, threadId);
    }

    private async Task<CommentPage?> ThreadsPageAsync(int articleId, string? readerKey, int page, int published, CancellationToken ct)
    {
        var perThread = options.Value.RepliesPerThread;
        var window = await WindowAsync(Roots(articleId), readerKey, page, options.Value.ThreadsPerPage, ct);
        if (window is null)
        {
            return null;
        }

        var rootIds = window.Value.Rows.Select(r => (int?)r.Id).ToList();
        var replyCounts = await db.Comments
            .Where(c => rootIds.Contains(c.ParentId) && c.Status == CommentStatus.Published)
            .GroupBy(c => c.ParentId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, ct);

        // Threads that fit are read in one query; a thread longer than a page shows its first page, read on its own.
        var fitting = rootIds.Where(id => replyCounts.GetValueOrDefault(id!.Value) <= perThread).ToList();
        // Sorted here, not in SQL: asked to order by date, SQLite walks every published comment of the site by date
        // (the Status, CreatedAt index) instead of looking up these threads' replies.
        var replies = (await Replies(fitting).Where(Visible(readerKey))
            .Select(c => new Row(c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.Body, c.Status)).ToListAsync(ct))
            .Order(Row.Order)
            .ToLookup(r => r.ParentId!.Value);
        var views = new List<CommentView>(window.Value.Rows.Count);
        foreach (var root in window.Value.Rows)
        {
            var count = replyCounts.GetValueOrDefault(root.Id);
            var shown = count <= perThread
                ? replies[root.Id].ToList()
                : (await WindowAsync(Replies(root.Id), readerKey, 1, perThread, ct))!.Value.Rows;
            var more = count - shown.Count(r => r.Status == CommentStatus.Published);
            views.Add(await ViewAsync(root, await ViewsAsync(shown, ct), more, ct));
        }

        return new CommentPage(views, published, page, window.Value.TotalPages);
    }

    private async Task<CommentPage?> ThreadPageAsync(int articleId, int rootId, string? readerKey, int page, int published, CancellationToken ct)
    {
        var root = await Roots(articleId).Where(c => c.Id == rootId).Where(Visible(readerKey))
            .Select(c => new Row(c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.Body, c.Status)).FirstOrDefaultAsync(ct);
        var window = root is null ? null : await WindowAsync(Replies(rootId), readerKey, page, options.Value.RepliesPerThread, ct);
        if (root is null || window is null)
        {
            return null;
        }

        var rootPage = await PlaceAsync(Roots(articleId), root.CreatedAt, root.Id, options.Value.ThreadsPerPage, ct);
        var view = await ViewAsync(root, await ViewsAsync(window.Value.Rows, ct), 0, ct);
        return new CommentPage([view], published, page, window.Value.TotalPages, rootId, rootPage);
    }

    /// <summary>
    /// One page of <paramref name="items"/>, oldest first, <paramref name="size"/> published rows a page; the reader's
    /// own waiting rows join the page that holds the published rows around them (the last page takes the newest).
    /// Null for a page past the last.
    /// </summary>
    private async Task<(List<Row> Rows, int TotalPages)?> WindowAsync(IQueryable<Comment> items, string? readerKey, int page, int size, CancellationToken ct)
    {
        var published = items.Where(c => c.Status == CommentStatus.Published);
        var totalPages = Math.Max(1, (await published.CountAsync(ct) + size - 1) / size);
        if (page > totalPages)
        {
            return null;
        }

        // The row before the page is read too: the reader's waiting rows after it and before the page's last belong here.
        var skip = (page - 1) * size;
        var from = Math.Max(0, skip - 1);
        var rows = await published.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip(from).Take(skip - from + size)
            .Select(c => new Row(c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.Body, c.Status)).ToListAsync(ct);
        var before = skip > 0 ? rows[0] : null;
        if (before is not null)
        {
            rows.RemoveAt(0);
        }

        if (readerKey is not null)
        {
            var until = page < totalPages ? rows[^1] : null;
            var own = await items.Where(c => c.Status == CommentStatus.Pending && c.ReaderKey == readerKey)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(MaxOwnPending)
                .Select(c => new Row(c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.Body, c.Status)).ToListAsync(ct);
            rows.AddRange(own.Where(o => (before is null || Row.Order.Compare(before, o) < 0) && (until is null || Row.Order.Compare(o, until) < 0)));
            rows.Sort(Row.Order);
        }

        return (rows, totalPages);
    }

    /// <summary>The page, <paramref name="size"/> published rows a page, that shows the row at (<paramref name="at"/>, <paramref name="id"/>).</summary>
    private static async Task<int> PlaceAsync(IQueryable<Comment> items, DateTime at, int id, int size, CancellationToken ct)
    {
        var published = items.Where(c => c.Status == CommentStatus.Published);
        var before = await published.CountAsync(c => c.CreatedAt < at || (c.CreatedAt == at && c.Id < id), ct);
        var totalPages = Math.Max(1, (await published.CountAsync(ct) + size - 1) / size);
        return Math.Min(before / size + 1, totalPages);
    }

    private IQueryable<Comment> Roots(int articleId) =>
        db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId && c.ParentId == null);

    private IQueryable<Comment> Replies(int rootId) =>
        db.Comments.AsNoTracking().Where(c => c.ParentId == rootId);

    private IQueryable<Comment> Replies(IReadOnlyCollection<int?> rootIds) =>
        db.Comments.AsNoTracking().Where(c => rootIds.Contains(c.ParentId));

    private static System.Linq.Expressions.Expression<Func<Comment, bool>> Visible(string? readerKey) =>
        c => c.Status == CommentStatus.Published || (readerKey != null && c.Status == CommentStatus.Pending && c.ReaderKey == readerKey);

    private async Task<List<CommentView>> ViewsAsync(IEnumerable<Row> rows, CancellationToken ct)
    {
        var views = new List<CommentView>();
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(row, [], 0, ct));
        }

        return views;
    }

    // A stored comment that cannot be formatted shows its words as plain text, never an error.
    private async Task<CommentView> ViewAsync(Row row, IReadOnlyList<CommentView> replies, int moreReplies, CancellationToken ct) =>
        new(row.Id, row.AuthorName, row.CreatedAt, (await renderer.RenderAsync(row.Body, ct)).Html, row.Status == CommentStatus.Pending, replies, moreReplies);

    private sealed record Row(int Id, int? ParentId, string AuthorName, DateTime CreatedAt, string Body, CommentStatus Status)
    {
        public static readonly Comparer<Row> Order = Comparer<Row>.Create((a, b) =>
            a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id));
    }
}
