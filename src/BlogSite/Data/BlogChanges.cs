namespace BlogSite.Data;

/// <summary>What a write changed, as readers see it. Every write raises one; what keeps copies (the reader page cache, later other instances) listens.</summary>
public abstract record BlogChange
{
    /// <summary>Many articles at once: the content/ folder synced, an import, a restore.</summary>
    public static readonly BlogChange Site = new SiteChanged();

    private sealed record SiteChanged : BlogChange;
}

/// <summary>An article itself was written, moved to the bin or back: its page and every list that shows it.</summary>
public sealed record ArticleChanged(string Slug) : BlogChange;

/// <summary>What happens under an article changed (its comments, its hearts): its own page only.</summary>
public sealed record ArticleActivityChanged(string Slug) : BlogChange;

/// <summary>Something that keeps a copy of what readers see and must drop it when that changes.</summary>
public interface IBlogChangeListener
{
    void OnChanged(BlogChange change);
}

/// <summary>
/// The one way a write says what it changed: commands raise a change after their transaction commits, and no
/// code but the listeners evicts anything. A listener's failure is its own (logged), never the write's.
/// </summary>
public sealed class BlogChanges(IEnumerable<IBlogChangeListener> listeners, ILogger<BlogChanges> logger)
{
    public void Raise(BlogChange change)
    {
        foreach (var listener in listeners)
        {
            try
            {
                listener.OnChanged(change);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Listener} failed on {Change}", listener.GetType().Name, change);
            }
        }
    }
}
