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

    public bool IsVisibleToEveryone => Status == CommentStatus.Published;
}
