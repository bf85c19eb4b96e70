using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Search;

/// <summary>
/// Searches per address per minute (<see cref="RateLimitOptions.SearchesPerMinute"/>). A search is never cached
/// and costs milliseconds of CPU, so one address must not be able to fill the cores with them. The page asks
/// this itself, so that a reader over the limit gets the search page back with their words in the box.
/// </summary>
public sealed class SearchRateLimit(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly AddressRateLimiter limiter = new(options.Value.SearchesPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>Null when this request may search; otherwise how long its address must wait.</summary>
    public TimeSpan? WaitFor(HttpContext context) => limiter.WaitFor(context);

    public void Dispose() => limiter.Dispose();
}
