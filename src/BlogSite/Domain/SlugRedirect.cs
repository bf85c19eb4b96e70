namespace BlogSite.Domain;

/// <summary>An article's former slug, answered with a 301 to its current address.</summary>
public sealed class SlugRedirect
{
    public int Id { get; set; }
    public required string OldSlug { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTime CreatedAt { get; set; }
}
