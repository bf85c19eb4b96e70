using System.Globalization;
using BlogSite.Data;
using BlogSite.Domain;
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

/// <summary>Approving, hiding, marking as spam, deleting and restoring comments, each change with its audit event.</summary>
public sealed class ModerationCommands(BlogDbContext db, BlogChanges changes, TimeProvider clock)
{
    /// <summary>Applies <paramref name="action"/> to the comments it changes; unknown ids are ignored.</summary>
    /// <returns>How many comments changed status.</returns>
    public async Task<int> ApplyAsync(IReadOnlyList<int> ids, ModerationAction action, string actorId, string actorName,
        string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorName);
        if (note?.Length > ModerationEvent.MaxNoteLength)
        {
            throw new ArgumentException($"A note is at most {ModerationEvent.MaxNoteLength} characters.", nameof(note));
        }

        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }

        var comments = await db.Comments.Include(c => c.Article).Where(c => wanted.Contains(c.Id)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var changed = 0;
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
            changed++;
        }

        if (changed == 0)
        {
            return 0;
        }

        // The status changes and their events are one SaveChanges, so one transaction.
        await db.SaveChangesAsync(ct);

        foreach (var slug in slugs)
        {
            changes.Raise(new ArticleActivityChanged(slug));
        }

        return changed;
    }
}
