using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Search;

/// <summary>
/// Search results for <c>?q=</c>. Not a reader page for the page cache: every query is a different page,
/// and the cache keys by path.
/// </summary>
public sealed class IndexModel(SearchQueries search, SearchRateLimit rateLimit) : PageModel
{
    public string Query { get; private set; } = "";

    public SearchTerms Terms { get; private set; } = SearchTerms.Parse("");

    public SearchResults? Results { get; private set; }

    /// <summary>Why the query was not run, for the reader; null when it was.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? q, [FromQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        Query = q?.Trim() ?? "";
        if (pageNumber < 1)
        {
            return NotFound();
        }

        if (Query.Length > SearchTerms.MaxQueryLength)
        {
            Refusal = $"That search is {Query.Length:N0} characters long. Searches can be up to {SearchTerms.MaxQueryLength} characters: try a few distinctive words.";
            Query = Query[..SearchTerms.MaxQueryLength];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Terms = SearchTerms.Parse(Query);
        if (Query.Length > 0 && Terms.IsEmpty)
        {
            Refusal = "Search for words or numbers: punctuation and symbols alone match nothing.";
            return Page();
        }

        if (Query.Length > 0 && rateLimit.WaitFor(HttpContext) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Refusal = $"You've searched many times in the last minute. Please wait {seconds} seconds, then search again.";
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        Results = await search.SearchAsync(Terms, pageNumber, ct);
        return pageNumber > Results.TotalPages ? NotFound() : Page();
    }
}
