namespace BlogSite.Domain;

/// <summary>A reader's report of a comment; one per reader per comment.</summary>
public sealed class CommentReport
{
    public int Id { get; set; }
    public int CommentId { get; set; }
    public required string ReaderKey { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
}
