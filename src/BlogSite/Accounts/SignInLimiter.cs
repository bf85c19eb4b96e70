using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Accounts;

/// <summary>
/// Sign-in attempts per client address (<see cref="ClientAddress"/>) per 15 minutes, whatever the account: it
/// bounds password guessing across many accounts and keeps one address from locking out every account it
/// knows. The sign-in page asks it itself, so that a refusal keeps the form and the address typed.
/// </summary>
public sealed class SignInLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly AddressRateLimiter limiter = new(options.Value.SignInsPer15Minutes, Window);

    /// <summary>Null when this request's address may try now; otherwise how long it must wait.</summary>
    public TimeSpan? WaitFor(HttpContext context) => limiter.WaitFor(context);

    public void Dispose() => limiter.Dispose();
}
