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

    /// <summary>Readers remembered at once; beyond it new readers are not counted until old ones expire.</summary>
    [Range(1_000, 100_000_000)]
    public int MaxTrackedReaders { get; init; } = 1_000_000;
}
