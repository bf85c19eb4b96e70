namespace BlogSite.Data;

/// <summary>
/// Whether the store takes writes: set when a write fails for want of space, cleared when a later write
/// succeeds or a probe finds room again. Each change is logged once, so a full disk is one warning, not one per request.
/// </summary>
public sealed class StoreWritability(TimeProvider clock, ILogger<StoreWritability> logger)
{
    private readonly Lock gate = new();
    private DateTimeOffset? fullSince;

    /// <summary>When writes started failing for want of space; null while they succeed.</summary>
    public DateTimeOffset? FullSince
    {
        get
        {
            lock (gate)
            {
                return fullSince;
            }
        }
    }

    public void Refused(Exception exception)
    {
        lock (gate)
        {
            if (fullSince is not null)
            {
                return;
            }

            fullSince = clock.GetUtcNow();
        }

        logger.LogWarning(exception,
            "A write failed because the store's disk is full; writes answer 503 and reads go on until space is freed (no restart is needed)");
    }

    public void Succeeded()
    {
        DateTimeOffset since;
        lock (gate)
        {
            if (fullSince is not { } full)
            {
                return;
            }

            since = full;
            fullSince = null;
        }

        logger.LogInformation("Writes succeed again; the store was full from {Since:u} for {Duration}", since, clock.GetUtcNow() - since);
    }
}
