using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Email;

/// <summary>
/// Requests per client address per minute to the pages links in e-mail open (/email/unsubscribe, /email/moderate):
/// anonymous, each opening a sealed token and reading the store. Over it, 429 with the error page's advice.
/// </summary>
public sealed class EmailLinkLimiter(IOptions<EmailOptions> options) : IDisposable
{
    private readonly AddressRateLimiter limiter = new(options.Value.LinkRequestsPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>True when the request may go on; otherwise Retry-After is set.</summary>
    public bool TryEnter(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (limiter.WaitFor(context) is not { } wait)
        {
            return true;
        }

        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return false;
    }

    public void Dispose() => limiter.Dispose();
}
