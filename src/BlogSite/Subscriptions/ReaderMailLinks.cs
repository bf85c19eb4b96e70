using BlogSite.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace BlogSite.Subscriptions;

/// <summary>
/// Absolute links for messages, which are written by background work as often as by a request: under
/// <c>Site:BaseUrl</c> (required outside Development), else, in Development, the first address the server listens on.
/// </summary>
public sealed class ReaderMailLinks(LinkGenerator links, IOptions<SiteOptions> site, IServer server)
{
    public string Page(string page, object? values = null)
    {
        var path = links.GetPathByPage(page, handler: null, values: values)
            ?? throw new InvalidOperationException($"No route to {page}.");
        return Origin() + path;
    }

    /// <summary>The link to one comment: the article page answers it with a redirect to the page of comments that holds it.</summary>
    public string Comment(string slug, int commentId) => Page("/Articles/Details", new { slug, comment = commentId });

    public string Article(string slug) => Page("/Articles/Details", new { slug });

    public string Home() => Page("/Index");

    private string Origin()
    {
        if (site.Value.Origin is { } origin)
        {
            return origin.GetLeftPart(UriPartial.Authority);
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return listening is null ? "http://localhost" : listening.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
