using BlogSite.Domain;

namespace BlogSite.Areas.Admin.Pages.Comments;

/// <summary>The words for moderation in forms and messages; what each action does is the comment's own (Comment.Moderate).</summary>
public static class ModerationRules
{
    /// <summary>The actions a moderator can take, in the order the bulk select offers them.</summary>
    public static readonly IReadOnlyList<ModerationAction> Actions =
        [ModerationAction.Approve, ModerationAction.Hide, ModerationAction.MarkSpam, ModerationAction.Delete, ModerationAction.Restore];

    /// <summary>The tabs of the queue; pending first because that is the work waiting.</summary>
    public static readonly IReadOnlyList<CommentStatus> Statuses =
        [CommentStatus.Pending, CommentStatus.Published, CommentStatus.Hidden, CommentStatus.Spam, CommentStatus.Deleted];

    /// <summary>The value of an action in a form: "approve", "spam".</summary>
    public static string Key(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "approve",
        ModerationAction.Hide => "hide",
        ModerationAction.MarkSpam => "spam",
        ModerationAction.Delete => "delete",
        ModerationAction.Restore => "restore",
        _ => "held",
    };

    public static bool TryParse(string? key, out ModerationAction action)
    {
        foreach (var candidate in Actions)
        {
            if (string.Equals(Key(candidate), key?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }

    /// <summary>The label of a button: "Approve", "Spam".</summary>
    public static string Label(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "Approve",
        ModerationAction.Hide => "Hide",
        ModerationAction.MarkSpam => "Spam",
        ModerationAction.Delete => "Delete",
        ModerationAction.Restore => "Restore",
        _ => "Hold",
    };

    /// <summary>What was done, for messages and the audit trail: "approved", "marked as spam".</summary>
    public static string PastTense(ModerationAction action) => action switch
    {
        ModerationAction.Approve => "approved",
        ModerationAction.Hide => "hidden",
        ModerationAction.MarkSpam => "marked as spam",
        ModerationAction.Delete => "deleted",
        ModerationAction.Restore => "restored",
        _ => "held automatically",
    };

    /// <summary>What was done, as a label in the audit trail: "Approved by …", "Marked as spam by …".</summary>
    public static string Done(ModerationAction action)
    {
        var done = PastTense(action);
        return string.Concat(done[..1].ToUpperInvariant(), done[1..]);
    }

    /// <summary>The value of a status in an address: "pending".</summary>
    public static string Key(CommentStatus status) => status switch
    {
        CommentStatus.Published => "published",
        CommentStatus.Pending => "pending",
        CommentStatus.Hidden => "hidden",
        CommentStatus.Spam => "spam",
        _ => "deleted",
    };

    /// <summary>The message after an action: "3 comments approved." and how many were left as they were.</summary>
    public static string Outcome(ModerationAction action, int changed, int requested)
    {
        if (changed == 0)
        {
            return $"No comments changed: the selection was already {PastTense(action)} or can't be {PastTense(action)}.";
        }

        var skipped = requested - changed;
        var done = $"{Plural.Count(changed, "comment", "comments")} {PastTense(action)}";
        return skipped > 0 ? $"{done}; {skipped} left unchanged." : done + ".";
    }
}
