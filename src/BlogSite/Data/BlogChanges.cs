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

/// <summary>A listener that passes this instance's changes on to the other instances; changes from them are not passed on again.</summary>
public interface IBlogChangeRelay : IBlogChangeListener;

/// <summary>This running instance, as the others on a shared store tell it apart.</summary>
public sealed record BlogInstance(string Id)
{
    public static BlogInstance New() => new(Guid.NewGuid().ToString("N"));
}

/// <summary>
/// The one way a write says what it changed: commands raise a change after their transaction commits, and no
/// code but the listeners evicts anything. A listener's failure is its own (logged), never the write's.
/// </summary>
public sealed class BlogChanges(IEnumerable<IBlogChangeListener> listeners, ILogger<BlogChanges> logger)
{
    /// <summary>A change made by this instance: every listener hears it, the relay to other instances included.</summary>
    public void Raise(BlogChange change) => Tell(change, fromElsewhere: false);

    /// <summary>A change another instance made: this instance's listeners hear it, the relay does not send it back.</summary>
    public void ApplyFromElsewhere(BlogChange change) => Tell(change, fromElsewhere: true);

    private void Tell(BlogChange change, bool fromElsewhere)
    {
        foreach (var listener in listeners)
        {
            if (fromElsewhere && listener is IBlogChangeRelay)
            {
                continue;
            }

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
