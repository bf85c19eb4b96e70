using System.Globalization;
using System.Threading.RateLimiting;
using BlogSite.Pages.Comments;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

/// <summary>Limits on anonymous writes. Over a limit the answer is 429 with Retry-After and a page saying when to try again.</summary>
public static class RateLimits
{
    public const string Hearts = "hearts";
    public const string Comments = "comments";
    public const string Reports = "reports";

    public static IServiceCollection AddBlogRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };

            options.AddPolicy(Hearts, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return FixedWindow(ReaderKeys.Find(context) ?? Address(context), limits.HeartsPerMinute, TimeSpan.FromMinutes(1));
            });
            options.AddPolicy(Comments, context =>
            {
                var comments = context.RequestServices.GetRequiredService<IOptions<CommentOptions>>().Value;
                return FixedWindow(Address(context), comments.PostsPerWindow, TimeSpan.FromMinutes(comments.WindowMinutes));
            });
            options.AddPolicy(Reports, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return FixedWindow(Address(context), limits.ReportsPerHour, TimeSpan.FromHours(1));
            });
        });
        return services;
    }

    private static string Address(HttpContext context) => ClientAddress.Of(context);

    private static RateLimitPartition<string> FixedWindow(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
}

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int HeartsPerMinute { get; init; } = 30;

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int ReportsPerHour { get; init; } = 20;

    /// <summary>Searches per address per minute; the search page itself answers 429 past it (see Pages/Search/SearchRateLimit).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int SearchesPerMinute { get; init; } = 30;
}
