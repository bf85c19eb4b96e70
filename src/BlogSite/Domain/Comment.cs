namespace BlogSite.Domain;

/// <summary>A reader's note under an article; replies are one level deep.</summary>
public sealed class Comment
{
    public const int MaxNameLength = 80;
    public const int MaxEmailLength = 254;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int? ParentId { get; set; }
    public Comment? Parent { get; set; }
    public List<Comment> Replies { get; } = [];
    public required string AuthorName { get; set; }

    /// <summary>Optional and never shown; kept so the blog's owner can reply privately.</summary>
    public string? Email { get; set; }
    public required string Body { get; set; }
    public CommentStatus Status { get; set; }

    /// <summary>Why the comment waits for a moderator, in words a moderator reads.</summary>
    public string? HeldReason { get; set; }
    public int ReportCount { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>A salted hash of the poster's address, for rate limits and spotting floods; never the address.</summary>
    public string PosterHash { get; set; } = "";

    /// <summary>The poster's reader key, so they alone see their own held comment.</summary>
    public string? ReaderKey { get; set; }

    /// <summary>
    /// For a reply: when its thread's reply subscribers were told of it, once it was published. Null until then, so a
    /// reply held for review is told of when a moderator approves it, and never twice.
    /// </summary>
    public DateTime? SubscribersNotifiedAt { get; set; }

    public bool IsVisibleToEveryone => Status == CommentStatus.Published;

    /// <summary>The status <paramref name="action"/> moves a comment in <paramref name="from"/> to, or null when it would not change it.</summary>
    public static CommentStatus? StatusAfter(ModerationAction action, CommentStatus from)
    {
        CommentStatus? to = action switch
        {
            ModerationAction.Approve => CommentStatus.Published,
            ModerationAction.Hide => CommentStatus.Hidden,
            ModerationAction.MarkSpam => CommentStatus.Spam,
            ModerationAction.Delete => CommentStatus.Deleted,
            // Restoring brings back what a moderator took down; a pending comment is approved instead.
            ModerationAction.Restore when from is CommentStatus.Hidden or CommentStatus.Spam or CommentStatus.Deleted => CommentStatus.Published,
            _ => null,
        };
        return to == from ? null : to;
    }

    /// <summary>The moves that change a comment with <paramref name="status"/>, in the order a moderator is offered them.</summary>
    public static IReadOnlyList<ModerationAction> MovesFrom(CommentStatus status) => status switch
    {
        CommentStatus.Pending => [ModerationAction.Approve, ModerationAction.Hide, ModerationAction.MarkSpam, ModerationAction.Delete],
        CommentStatus.Published => [ModerationAction.Hide, ModerationAction.MarkSpam, ModerationAction.Delete],
        CommentStatus.Hidden => [ModerationAction.Restore, ModerationAction.MarkSpam, ModerationAction.Delete],
        CommentStatus.Spam => [ModerationAction.Restore, ModerationAction.Delete],
        CommentStatus.Deleted => [ModerationAction.Restore],
        _ => [],
    };

    /// <summary>
    /// Applies <paramref name="action"/>: the status it moves to, or null when the comment stays as it was.
    /// Approving (or restoring) means a moderator has looked at it, so the reason it was held no longer applies.
    /// </summary>
    public CommentStatus? Moderate(ModerationAction action)
    {
        if (StatusAfter(action, Status) is not { } to)
        {
            return null;
        }

        Status = to;
        if (to == CommentStatus.Published)
        {
            HeldReason = null;
        }

        return to;
    }
}
