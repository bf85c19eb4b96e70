using System.Globalization;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

/// <summary>
/// Absolute addresses for what leaves the page (the canonical link, OpenGraph, structured data, feeds, the
/// sitemap): under <c>Site:BaseUrl</c>, so they never depend on the Host header a client wrote. Only in
/// Development, where the base URL may be left empty, do they follow the request.
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> site, LinkGenerator links)
{
    /// <summary>The absolute address of a Razor page, e.g. "/Articles/Details" with its slug.</summary>
    public string Page(HttpContext context, string page, object? values = null) =>
        Absolute(context.Request, links.GetPathByPage(context, page, values: values)
            ?? throw new InvalidOperationException($"No route to {page}."));

    /// <summary>The absolute address of a Razor page by slug, for many slugs (a sitemap's thousand): the router is asked once.</summary>
    public AddressTemplate PageBySlug(HttpContext context, string page) =>
        AddressTemplate.ForSlug(Page(context, page, new { slug = AddressTemplate.StandInSlug }));

    /// <summary>The absolute address of a named endpoint.</summary>
    public string Route(HttpContext context, string name, object? values = null) =>
        Absolute(context.Request, links.GetPathByName(context, name, values)
            ?? throw new InvalidOperationException($"No route named {name}."));

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
        var page = request.Query["pageNumber"] is { Count: 1 } number && ReaderQueryAttribute.TryParseNumber(number[0], out var n) && n > 1
            ? "?pageNumber=" + n.ToString(CultureInfo.InvariantCulture)
            : "";
        return Absolute(request, path + page);
    }
}
