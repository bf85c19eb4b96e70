using System.ComponentModel.DataAnnotations;

namespace BlogSite.Pages.Search;

public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// Results a search counts and lists, at most: past it the page says "1,000+" and pages no deeper. Readers
    /// refine a search long before that, and a bound keeps a common word over a large store a bounded amount of work.
    /// </summary>
    [Range(SearchQueries.PageSize, 100_000)]
    public int MaxResults { get; init; } = 1_000;
}
