using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Comments;

/// <summary>A comment as readers see it; <see cref="AwaitingModeration"/> is only ever true for its own poster.</summary>
public sealed record CommentView(int Id, string AuthorName, DateTime CreatedAt, string Html, bool AwaitingModeration, IReadOnlyList<CommentView> Replies);

/// <summary>The comments an article page shows, and how many are published.</summary>
public sealed record CommentThread(IReadOnlyList<CommentView> Comments, int PublishedCount);

public sealed class CommentQueries(BlogDbContext db, CommentRenderer renderer)
{
    /// <summary>
    /// Published comments, oldest first, with their replies; plus, for the reader with <paramref name="readerKey"/>,
    /// their own comments still waiting for a moderator. The count is of published comments only.
    /// </summary>
    public async Task<CommentThread> ListAsync(int articleId, string? readerKey, CancellationToken ct)
    {
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId
                && (c.Status == CommentStatus.Published || (readerKey != null && c.Status == CommentStatus.Pending && c.ReaderKey == readerKey)))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.Body, c.Status })
            .ToListAsync(ct);

        // A reply shows under its parent; a reply whose parent is hidden is hidden with it.
        var replies = rows.ToLookup(r => r.ParentId);
        var html = new Dictionary<int, string>(rows.Count);
        foreach (var row in rows)
        {
            // A stored comment that cannot be formatted shows its words as plain text, never an error.
            html[row.Id] = (await renderer.RenderAsync(row.Body, ct)).Html;
        }

        CommentView View(int id, string name, DateTime at, CommentStatus status, IReadOnlyList<CommentView> children) =>
            new(id, name, at, html[id], status == CommentStatus.Pending, children);

        var comments = replies[null]
            .Select(r => View(r.Id, r.AuthorName, r.CreatedAt, r.Status,
                replies[r.Id].Select(reply => View(reply.Id, reply.AuthorName, reply.CreatedAt, reply.Status, [])).ToList()))
            .ToList();
        return new CommentThread(comments, rows.Count(r => r.Status == CommentStatus.Published));
    }
}
