using BlogSite.Subscriptions;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Email;

/// <summary>
/// Subscription requests per client address per window (<see cref="ReaderMailOptions.RequestsPerRequester"/>), counted in
/// memory before the form is read; the confirmations they cause are counted in the store as well (see
/// <see cref="ReaderAddressGate"/>). The page asks this itself, so that a reader over it gets the form back.
/// </summary>
public sealed class SubscribeRateLimit(IOptions<ReaderMailOptions> options) : IDisposable
{
    private readonly AddressRateLimiter limiter = new(options.Value.RequestsPerRequester, TimeSpan.FromMinutes(options.Value.RequesterWindowMinutes));

    /// <summary>Null when this request may go on; otherwise how long its address must wait.</summary>
    public TimeSpan? WaitFor(HttpContext context) => limiter.WaitFor(context);

    public void Dispose() => limiter.Dispose();
}
