using System.Threading.RateLimiting;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Accounts;

/// <summary>
/// Sign-in attempts per client address (<see cref="ClientAddress"/>) per 15 minutes, whatever the account: it
/// bounds password guessing across many accounts and keeps one address from locking out every account it
/// knows. The sign-in page asks it itself, so that a refusal keeps the form and the address typed.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<string> limiter;

    public SignInLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.SignInsPer15Minutes;
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 }));
    }

    /// <summary>Null when <paramref name="address"/> may try now; otherwise how long it must wait.</summary>
    public TimeSpan? TryAcquire(string address)
    {
        using var lease = limiter.AttemptAcquire(address);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
    }

    public void Dispose() => limiter.Dispose();
}
