namespace BlogSite.Domain;

/// <summary>
/// "E-mail me when someone replies", ticked with one comment. Replies are one level deep, and a reply to a reply joins
/// its thread, so the subscription is to the comment's thread: every reply published in it after the comment.
/// </summary>
public sealed class ReplySubscription
{
    public int Id { get; set; }
    public int ReaderAddressId { get; set; }
    public ReaderAddress? ReaderAddress { get; set; }

    /// <summary>The comment it was ticked with; its author is the subscriber.</summary>
    public int CommentId { get; set; }
    public Comment? Comment { get; set; }

    public DateTime CreatedAt { get; set; }
}
