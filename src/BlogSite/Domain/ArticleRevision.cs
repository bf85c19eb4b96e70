namespace BlogSite.Domain;

/// <summary>The whole text of an article as one save left it: who saved, when, and why when it was not a plain edit.</summary>
public sealed class ArticleRevision
{
    public const int MaxNoteLength = 200;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The account that saved, when it still exists; the name is kept either way.</summary>
    public string? SavedById { get; set; }
    public string SavedByName { get; set; } = "";
    public required string Title { get; set; }
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>E.g. "Restored the revision of 3 June 10:04" or "Uploaded post.md"; empty for an edit.</summary>
    public string Note { get; set; } = "";
}
