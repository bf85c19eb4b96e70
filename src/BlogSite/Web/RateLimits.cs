using System.Globalization;
using System.Threading.RateLimiting;
using BlogSite.Pages.Comments;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

/// <summary>Limits on anonymous writes. Over a limit the answer is 429 with Retry-After and a page saying when to try again.</summary>
public static class RateLimits
{
    public const string Comments = "comments";

    public static IServiceCollection AddBlogRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReaderWriteLimits>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext, context.Lease);
                return ValueTask.CompletedTask;
            };

            options.AddPolicy(Comments, context =>
            {
                var comments = context.RequestServices.GetRequiredService<IOptions<CommentOptions>>().Value;
                return FixedWindow(ClientAddress.Of(context), comments.PostsPerWindow, TimeSpan.FromMinutes(comments.WindowMinutes));
            });
        });
        return services;
    }

    internal static void SetRetryAfter(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = RetryAfter(lease, TimeSpan.FromMinutes(1));
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>How long a refused lease says to wait, or <paramref name="otherwise"/> when it does not say.</summary>
    internal static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan otherwise) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : otherwise;

    internal static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
}

/// <summary>
/// Hearts and reports are limited per reader and per address at once, both limits applying: a reader key
/// costs one request to get, so a per-reader limit alone would let one address act as any number of readers.
/// A request without a key is limited as its address's keyless reader, so keys cannot be minted faster
/// than the per-reader limit either.
/// </summary>
public sealed class ReaderWriteLimits : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> hearts;
    private readonly PartitionedRateLimiter<HttpContext> reports;

    public ReaderWriteLimits(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        hearts = Both(limits.HeartsPerAddressPerMinute, limits.HeartsPerMinute, TimeSpan.FromMinutes(1));
        reports = Both(limits.ReportsPerHour, limits.ReportsPerReaderPerHour, TimeSpan.FromHours(1));
    }

    /// <summary>Takes a permit for a heart; false, with Retry-After set, when the reader or their address is over a limit.</summary>
    public bool TryHeart(HttpContext context) => TryAcquire(hearts, context);

    /// <summary>Takes a permit for a report; false, with Retry-After set, when the reader or their address is over a limit.</summary>
    public bool TryReport(HttpContext context) => TryAcquire(reports, context);

    public void Dispose()
    {
        hearts.Dispose();
        reports.Dispose();
    }

    private static bool TryAcquire(PartitionedRateLimiter<HttpContext> limiter, HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(context);
        if (!lease.IsAcquired)
        {
            RateLimits.SetRetryAfter(context, lease);
        }

        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<HttpContext> Both(int perAddress, int perReader, TimeSpan window) =>
        PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimits.FixedWindow(ClientAddress.Of(context), perAddress, window)),
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimits.FixedWindow(ReaderKeys.Find(context) ?? "keyless " + ClientAddress.Of(context), perReader, window)));
}

/// <summary>
/// A fixed window of permits per client address, for a page that answers its own 429 (sign-in, search) so the
/// reader gets that page back with what they typed, rather than the error page the middleware would send.
/// </summary>
public sealed class AddressRateLimiter(int permits, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter =
        PartitionedRateLimiter.Create<string, string>(address => RateLimits.FixedWindow(address, permits, window));

    /// <summary>Null when this request's address may go on; otherwise how long it must wait.</summary>
    public TimeSpan? WaitFor(HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(ClientAddress.Of(context));
        return lease.IsAcquired ? null : RateLimits.RetryAfter(lease, window);
    }

    public void Dispose() => limiter.Dispose();
}

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Hearts one reader may give or take back per minute.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int HeartsPerMinute { get; init; } = 30;

    /// <summary>Hearts from one address per minute, however many readers it has: a household or an office stays well under it.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int HeartsPerAddressPerMinute { get; init; } = 120;

    /// <summary>Reports from one address per hour.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int ReportsPerHour { get; init; } = 20;

    /// <summary>Reports one reader may make per hour.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int ReportsPerReaderPerHour { get; init; } = 10;

    /// <summary>Sign-in posts per address per 15 minutes (<see cref="Accounts.SignInLimiter"/>).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int SignInsPer15Minutes { get; init; } = 10;

    /// <summary>Searches per address per minute; the search page itself answers 429 past it (see Pages/Search/SearchRateLimit).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int SearchesPerMinute { get; init; } = 30;
}
