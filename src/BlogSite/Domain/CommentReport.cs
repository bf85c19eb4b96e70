namespace BlogSite.Domain;

/// <summary>A reader's report of a comment; one per reader per comment.</summary>
public sealed class CommentReport
{
    public const int AddressHashLength = 32;

    public int Id { get; set; }
    public int CommentId { get; set; }
    public required string ReaderKey { get; set; }

    /// <summary>
    /// A salted hash of the reporter's address, never the address: reports from one address count once
    /// toward holding the comment, however many reader keys it shows.
    /// </summary>
    public required string AddressHash { get; set; }

    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
}
