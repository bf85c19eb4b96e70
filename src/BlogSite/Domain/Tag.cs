namespace BlogSite.Domain;

public sealed class Tag
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<Article> Articles { get; } = [];
}
