using System.ComponentModel.DataAnnotations;

namespace BlogSite.Counters;

public sealed class ViewOptions
{
    public const string SectionName = "Views";

    /// <summary>A reader's repeat visits to one article within this window count once.</summary>
    [Range(1, 24 * 60)]
    public int WindowMinutes { get; init; } = 30;

    /// <summary>How often buffered views are written to the store; also the age bound of cached pages.</summary>
    [Range(1, 300)]
    public int FlushSeconds { get; init; } = 5;

    /// <summary>Article and address pairs remembered at once; when full, those not seen for longest are forgotten.</summary>
    [Range(1_000, 100_000_000)]
    public int MaxTrackedReaders { get; init; } = 1_000_000;

    /// <summary>
    /// Readers (browsers) one address may add to one article's views per window: an office or a household
    /// behind one address counts a few people, a script that changes its user agent counts no more.
    /// </summary>
    [Range(1, 100)]
    public int MaxPerAddress { get; init; } = 3;
}
