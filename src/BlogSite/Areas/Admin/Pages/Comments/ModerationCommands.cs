using System.Globalization;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Pages.Comments;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Areas.Admin.Pages.Comments;

/// <summary>
/// A moderator's request as posted: a per-row button ("approve:12") or the bulk form (action, ids),
/// with an optional note. <see cref="TryCreate"/> turns it into something to apply or a message to show.
/// </summary>
public sealed record ModerationRequest(IReadOnlyList<int> Ids, ModerationAction Action, string? Note)
{
    public static bool TryCreate(string? rowAction, string? bulkAction, IEnumerable<int>? ids, string? note,
        out ModerationRequest request, out string error)
    {
        request = new ModerationRequest([], default, null);
        ModerationAction action;
        List<int> chosen;
        if (!string.IsNullOrWhiteSpace(rowAction))
        {
            var parts = rowAction.Split(':', 2);
            if (parts.Length != 2 || !ModerationRules.TryParse(parts[0], out action)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                error = "That button didn't say what to do. Reload the page and try again.";
                return false;
            }

            chosen = [id];
        }
        else
        {
            if (!ModerationRules.TryParse(bulkAction, out action))
            {
                error = "Choose an action: approve, hide, spam, delete or restore.";
                return false;
            }

            chosen = ids?.Distinct().ToList() ?? [];
            if (chosen.Count == 0)
            {
                error = "Select at least one comment with its checkbox, then choose the action.";
                return false;
            }
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > ModerationEvent.MaxNoteLength)
        {
            error = $"A note can be at most {ModerationEvent.MaxNoteLength} characters; this one has {note.Length.ToString(CultureInfo.InvariantCulture)}. Shorten it and try again.";
            return false;
        }

        request = new ModerationRequest(chosen, action, note);
        error = "";
        return true;
    }
}

/// <summary>What became of a moderation asked for by a link that must find the comment as it was when the link was made.</summary>
public enum LinkedModeration
{
    Applied,

    /// <summary>The comment no longer exists.</summary>
    Gone,

    /// <summary>Someone moderated the comment after the link was made (the link itself, used before, or anyone else).</summary>
    Superseded,

    /// <summary>The action would not change the comment as it is now.</summary>
    NoChange,
}

/// <summary>Approving, hiding, marking as spam, deleting and restoring comments, each change with its audit event.</summary>
public sealed class ModerationCommands(BlogDbContext db, BlogChanges changes, TimeProvider clock, CommentEvents events)
{
    /// <summary>Applies <paramref name="action"/> to the comments it changes; unknown ids are ignored.</summary>
    /// <returns>How many comments changed status.</returns>
    public async Task<int> ApplyAsync(IReadOnlyList<int> ids, ModerationAction action, string actorId, string actorName,
        string? note, CancellationToken ct)
    {
        Check(ids, actorName, note);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await ApplyInTransactionAsync(ids, action, actorId, actorName, note, ct);
        await transaction.CommitAsync(ct);
        RaiseChanges(changed);
        return changed.Count;
    }

    /// <summary>
    /// Applies <paramref name="action"/> to one comment only if its last moderation event is still
    /// <paramref name="lastEventId"/> (0: none), as when the link asking for it was made: so a link works once, and
    /// not after anyone has acted on the comment since. The check and the change are one transaction that first
    /// writes to the comment's row, which makes a second use of the link (or of its sibling, from the same
    /// message) wait for the first and then find the comment's history moved on.
    /// </summary>
    public async Task<LinkedModeration> ApplyIfUnchangedAsync(int commentId, int lastEventId, ModerationAction action, string actorId,
        string actorName, string? note, CancellationToken ct)
    {
        Check([commentId], actorName, note);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Comments.Where(c => c.Id == commentId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReportCount, c => c.ReportCount), ct);
        if (locked == 0)
        {
            return LinkedModeration.Gone;
        }

        if (await LastEventIdAsync(db, commentId, ct) != lastEventId)
        {
            return LinkedModeration.Superseded;
        }

        var changed = await ApplyInTransactionAsync([commentId], action, actorId, actorName, note, ct);
        await transaction.CommitAsync(ct);
        RaiseChanges(changed);
        return changed.Count == 0 ? LinkedModeration.NoChange : LinkedModeration.Applied;
    }

    /// <summary>The id of the comment's last moderation event, 0 when it has none: what a link made now expects to find.</summary>
    public static async Task<int> LastEventIdAsync(BlogDbContext db, int commentId, CancellationToken ct) =>
        await db.ModerationEvents.Where(e => e.CommentId == commentId).MaxAsync(e => (int?)e.Id, ct) ?? 0;

    private static void Check(IReadOnlyList<int> ids, string actorName, string? note)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorName);
        if (note?.Length > ModerationEvent.MaxNoteLength)
        {
            throw new ArgumentException($"A note is at most {ModerationEvent.MaxNoteLength} characters.", nameof(note));
        }
    }

    /// <returns>The slugs of the articles whose comments changed, once each, and how many comments changed.</returns>
    private async Task<ChangedComments> ApplyInTransactionAsync(IReadOnlyList<int> ids, ModerationAction action, string actorId, string actorName,
        string? note, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new ChangedComments([], 0);
        }

        var comments = await db.Comments.Include(c => c.Article).Where(c => wanted.Contains(c.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var moved = new List<CommentEvent>();
        foreach (var comment in comments)
        {
            var from = comment.Status;
            if (comment.Moderate(action) is not { } to)
            {
                continue;
            }

            db.ModerationEvents.Add(new ModerationEvent
            {
                CommentId = comment.Id,
                ActorId = actorId,
                ActorName = actorName,
                Action = action,
                FromStatus = from,
                ToStatus = to,
                Note = note,
                At = now,
            });

            slugs.Add(comment.Article!.Slug);
            moved.Add(new CommentModerated(comment.Id, action, from, to, actorId));
        }

        if (moved.Count == 0)
        {
            return new ChangedComments([], 0);
        }

        // The status changes, their events and what follows from them (e-mail) commit together.
        await db.SaveChangesAsync(ct);
        await events.RaiseAsync(db, moved, ct);
        return new ChangedComments(slugs, moved.Count);
    }

    private void RaiseChanges(ChangedComments changed)
    {
        foreach (var slug in changed.Slugs)
        {
            changes.Raise(new ArticleActivityChanged(slug));
        }
    }

    private sealed record ChangedComments(IReadOnlyCollection<string> Slugs, int Count);
}
