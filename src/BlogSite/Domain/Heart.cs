namespace BlogSite.Domain;

/// <summary>One reader's heart on one article; the pair is unique.</summary>
public sealed class Heart
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string ReaderKey { get; set; }
    public DateTime CreatedAt { get; set; }
}
