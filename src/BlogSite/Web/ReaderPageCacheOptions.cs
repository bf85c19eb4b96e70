using System.ComponentModel.DataAnnotations;

namespace BlogSite.Web;

/// <summary>The bounds of <see cref="ReaderPageCache"/>; past either, the oldest pages make room.</summary>
public sealed class ReaderPageCacheOptions
{
    public const string SectionName = "PageCache";

    /// <summary>Pages kept at once, whatever their size: small entries still cost a key, headers and bookkeeping.</summary>
    [Range(1, 1_000_000)]
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Memory of all kept pages together: keys, headers and both copies of each body.</summary>
    [Range(1, 16_384)]
    public int MaxMegabytes { get; init; } = 32;
}
