using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Email;

/// <summary>
/// Absolute addresses for links in e-mail, from routing: under Site:BaseUrl, or in Development without one under
/// the request's own origin. A message may be made outside any request (a scheduled job), where only the base
/// URL can say where the site is.
/// </summary>
public sealed class EmailLinks(IOptions<SiteOptions> site, LinkGenerator links, IHttpContextAccessor requests, UnsubscribeTokens unsubscribes)
{
    /// <summary>
    /// The absolute address of a Razor page, e.g. ("/Articles/Details", new { slug }); under <paramref name="origin"/>
    /// when given (one <see cref="Origin"/> read in a request, for work done after it).
    /// </summary>
    public string Page(string page, object? values = null, string? fragment = null, string? origin = null)
    {
        var path = links.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to {page}.");
        return (origin ?? Origin()) + path + (fragment is null ? "" : "#" + fragment);
    }

    /// <summary>The one-click unsubscribe address for <paramref name="subject"/> in <paramref name="scope"/>, as the footer and List-Unsubscribe carry it.</summary>
    public string Unsubscribe(string scope, string subject) =>
        Page("/Email/Unsubscribe", new { token = unsubscribes.Create(scope, subject) });

    /// <summary>Where the site is, for links: the base URL's origin, or the current request's.</summary>
    public string Origin()
    {
        if (site.Value.Origin is { } origin)
        {
            return origin.GetLeftPart(UriPartial.Authority);
        }

        var request = requests.HttpContext?.Request
            ?? throw new InvalidOperationException("Links in e-mail made outside a request need Site:BaseUrl, the site's public address.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
