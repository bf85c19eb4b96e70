using System.Threading.RateLimiting;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Search;

/// <summary>
/// Searches per address per minute (<see cref="RateLimitOptions.SearchesPerMinute"/>). A search is never cached
/// and costs milliseconds of CPU, so one address must not be able to fill the cores with them. The page asks
/// this itself, rather than the rate-limiting middleware, so that a reader over the limit gets the search page
/// back with their words in the box and the reason in its status line.
/// </summary>
public sealed class SearchRateLimit(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SearchesPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null when this request may search; otherwise how long its address must wait.</summary>
    public TimeSpan? WaitFor(HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(ClientAddress.Of(context));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => limiter.Dispose();
}
