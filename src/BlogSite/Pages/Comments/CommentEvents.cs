using BlogSite.Data;
using BlogSite.Domain;

namespace BlogSite.Pages.Comments;

/// <summary>What happened to a comment, told inside the transaction that did it, after the change is saved (ids known) and before it commits.</summary>
public abstract record CommentEvent(int CommentId);

/// <summary>A reader posted a comment: published at once, or <see cref="CommentStatus.Pending"/> when screening held it.</summary>
public sealed record CommentPosted(int CommentId, CommentStatus Status) : CommentEvent(CommentId);

/// <summary>A reader's report was counted; <paramref name="Held"/> when it was the one that held the comment for review.</summary>
public sealed record CommentReported(int CommentId, int Reports, bool Held) : CommentEvent(CommentId);

/// <summary>A moderator changed a comment's status.</summary>
public sealed record CommentModerated(int CommentId, ModerationAction Action, CommentStatus From, CommentStatus To, string ActorId) : CommentEvent(CommentId);

/// <summary>
/// Something that follows from what happens to comments and must be stored with it, or not at all: a message in
/// the outbox. Listeners add to the context they are given and do not save; the command saves and commits.
/// </summary>
public interface ICommentListener
{
    Task OnCommentAsync(BlogDbContext db, CommentEvent comment, CancellationToken ct);
}

/// <summary>
/// The one way the comment commands tell their in-transaction listeners (<see cref="ICommentListener"/>) what
/// happened. <see cref="BlogChanges"/> is its after-commit counterpart, for copies that must be dropped.
/// </summary>
public sealed class CommentEvents(IEnumerable<ICommentListener> listeners)
{
    /// <summary>Tells every listener, then saves what they added, in the caller's open transaction.</summary>
    public async Task RaiseAsync(BlogDbContext db, IReadOnlyList<CommentEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Comment events are raised inside the transaction of the change they tell of.");
        }

        foreach (var comment in events)
        {
            foreach (var listener in listeners)
            {
                await listener.OnCommentAsync(db, comment, ct);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
