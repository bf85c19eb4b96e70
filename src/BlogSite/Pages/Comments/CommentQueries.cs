using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Comments;

/// <summary>A comment as readers see it; <see cref="AwaitingModeration"/> is only ever true for its own poster.</summary>
public sealed record CommentView(int Id, string AuthorName, DateTime CreatedAt, string Html, bool AwaitingModeration, IReadOnlyList<CommentView> Replies);

public sealed class CommentQueries(BlogDbContext db, CommentRenderer renderer)
{
    /// <summary>
    /// Published comments, oldest first, with their replies; plus, for the reader with <paramref name="readerKey"/>,
    /// their own comments still waiting for a moderator.
    /// </summary>
    public async Task<IReadOnlyList<CommentView>> ListAsync(int articleId, string? readerKey, CancellationToken ct)
    {
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId
                && (c.Status == CommentStatus.Published || (readerKey != null && c.Status == CommentStatus.Pending && c.ReaderKey == readerKey)))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.ParentId, c.AuthorName, c.CreatedAt, c.Body, c.Status })
            .ToListAsync(ct);

        // A reply shows under its parent; a reply whose parent is hidden is hidden with it.
        return rows
            .Where(r => r.ParentId is null)
            .Select(r => new CommentView(r.Id, r.AuthorName, r.CreatedAt, renderer.Render(r.Body), r.Status == CommentStatus.Pending,
                rows.Where(reply => reply.ParentId == r.Id)
                    .Select(reply => new CommentView(reply.Id, reply.AuthorName, reply.CreatedAt, renderer.Render(reply.Body),
                        reply.Status == CommentStatus.Pending, []))
                    .ToList()))
            .ToList();
    }

    public Task<int> CountPublishedAsync(int articleId, CancellationToken ct) =>
        db.Comments.CountAsync(c => c.ArticleId == articleId && c.Status == CommentStatus.Published, ct);
}
