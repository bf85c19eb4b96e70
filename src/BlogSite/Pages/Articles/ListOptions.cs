using System.ComponentModel.DataAnnotations;

namespace BlogSite.Pages.Articles;

/// <summary>How far back the reader lists (home, category, tag, author) page.</summary>
public sealed class ListOptions
{
    public const string SectionName = "Lists";

    /// <summary>
    /// Pages a list offers, newest first; older articles are in the archive. A bound, so that no list page reads or
    /// counts more of the store than this many pages' worth of rows however large the store grows.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxPages { get; init; } = 100;
}
