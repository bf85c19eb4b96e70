using System.Globalization;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

/// <summary>Absolute addresses for what leaves the page: the canonical link, OpenGraph and structured data.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> site)
{
    public string Absolute(HttpRequest request, string path)
    {
        var root = string.IsNullOrEmpty(site.Value.BaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : site.Value.BaseUrl.TrimEnd('/');
        return root + path;
    }

    /// <summary>The page's own address: its path and, past the first page of a list, its page number; no other query.</summary>
    public string Canonical(HttpRequest request)
    {
        var path = request.Path.Value is { Length: > 1 } value ? value.TrimEnd('/') : "/";
        var page = int.TryParse(request.Query["pageNumber"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1
            ? "?pageNumber=" + n.ToString(CultureInfo.InvariantCulture)
            : "";
        return Absolute(request, path + page);
    }
}
