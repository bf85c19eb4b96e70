namespace BlogSite.Domain;

public enum ModerationAction
{
    Approve = 0,
    Hide = 1,
    MarkSpam = 2,
    Delete = 3,
    Restore = 4,
    HeldAutomatically = 5,
}

/// <summary>The audit trail: who did what to which comment, when, and why.</summary>
public sealed class ModerationEvent
{
    public const int MaxNoteLength = 500;

    public int Id { get; set; }
    public int CommentId { get; set; }
    public Comment? Comment { get; set; }

    /// <summary>The moderator's user id; null for the system's own holds.</summary>
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public ModerationAction Action { get; set; }
    public CommentStatus FromStatus { get; set; }
    public CommentStatus ToStatus { get; set; }
    public string? Note { get; set; }
    public DateTime At { get; set; }
}
