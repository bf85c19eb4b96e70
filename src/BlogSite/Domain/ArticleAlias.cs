namespace BlogSite.Domain;

/// <summary>
/// An old address of an article, from front matter's <c>aliases</c> or another blog's permalinks (see
/// <see cref="ArticleRules.AliasPath"/>), answered with a 301 to the article.
/// </summary>
public sealed class ArticleAlias
{
    public int Id { get; set; }
    public required string Path { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
}
