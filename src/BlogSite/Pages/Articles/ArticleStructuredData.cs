using System.Text.Json;

namespace BlogSite.Pages.Articles;

/// <summary>
/// schema.org JSON-LD for search engines: a BlogPosting for an article, a Blog for the home page.
/// The serializer escapes &lt; and &gt;, so the JSON can sit inside a script element as it is.
/// </summary>
public static class ArticleStructuredData
{
    public static string BlogPosting(ArticleDetails article, string url, string siteName, string? authorUrl) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BlogPosting",
            ["headline"] = article.Title,
            ["description"] = article.Summary,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["author"] = new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = article.AuthorName, ["url"] = authorUrl },
            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = siteName },
            ["datePublished"] = article.PublishedAt.ToString("O"),
            ["dateModified"] = (article.UpdatedAt > article.PublishedAt ? article.UpdatedAt : article.PublishedAt).ToString("O"),
            ["articleSection"] = article.CategoryName,
            ["keywords"] = string.Join(", ", article.Tags.Select(t => t.Name)),
            ["wordCount"] = article.WordCount,
            ["timeRequired"] = $"PT{article.ReadingMinutes}M",
        });

    public static string Blog(string name, string description, string url) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Blog",
            ["name"] = name,
            ["description"] = description,
            ["url"] = url,
        });
}
