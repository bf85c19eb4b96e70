namespace BlogSite.Domain;

/// <summary>
/// That an article has been announced to subscribers: made in the transaction that queues its first messages, so an
/// article is announced once however many instances look and however often the site restarts. Subscribers are
/// mailed in batches in address order; <see cref="SentThrough"/> is how far the batches have come.
/// </summary>
public sealed class ArticleAnnouncement
{
    public int ArticleId { get; set; }

    /// <summary>When the site saw the article become visible to readers; digests list the articles announced in their period.</summary>
    public DateTime AnnouncedAt { get; set; }

    /// <summary>The last subscriber (by address id) whose message is queued; 0 before the first batch.</summary>
    public int SentThrough { get; set; }

    /// <summary>When the last batch was queued; null while subscribers are still to be mailed.</summary>
    public DateTime? CompletedAt { get; set; }
}
