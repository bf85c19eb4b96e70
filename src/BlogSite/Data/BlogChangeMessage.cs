namespace BlogSite.Data;

/// <summary>
/// A change as one line of text, to pass between instances: the sender's id, the kind, and the slug when there is
/// one ("site", "article", "activity"). Slugs are [a-z0-9-], so the separator cannot occur in them.
/// </summary>
public static class BlogChangeMessage
{
    private const char Separator = '|';

    public static string Write(string instance, BlogChange change) => change switch
    {
        ArticleChanged article => $"{instance}{Separator}article{Separator}{article.Slug}",
        ArticleActivityChanged activity => $"{instance}{Separator}activity{Separator}{activity.Slug}",
        _ => $"{instance}{Separator}site",
    };

    /// <summary>The sender and the change, or null for text that is not a message of this kind.</summary>
    public static (string Instance, BlogChange Change)? Read(string message)
    {
        var parts = message.Split(Separator);
        return parts switch
        {
            [var from, "site"] when from.Length > 0 => (from, BlogChange.Site),
            [var from, "article", var slug] when from.Length > 0 && slug.Length > 0 => (from, new ArticleChanged(slug)),
            [var from, "activity", var slug] when from.Length > 0 && slug.Length > 0 => (from, new ArticleActivityChanged(slug)),
            _ => null,
        };
    }
}
