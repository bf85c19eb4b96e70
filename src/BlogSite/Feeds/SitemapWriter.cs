using System.Globalization;
using System.Text;
using System.Xml;
using BlogSite.Web;

namespace BlogSite.Feeds;

/// <summary>
/// The sitemap and robots.txt, with absolute links. /sitemap.xml is an index of smaller files: one of
/// the site's pages (home, archive months, categories), then articles and tags by blocks of
/// <see cref="UrlsPerFile"/> ids. A block of ids is a file whatever the store's size, so no file grows
/// past the protocol's 50,000 URLs, an old block's file stays the same as articles are added, and each
/// file is small enough for the reader page cache and quick to write afresh (each URL reads its article's
/// row). Files are written as their rows are read.
/// </summary>
public sealed class SitemapWriter(SiteUrls urls)
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const int UrlsPerFile = 1_000;

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true, Async = true };

    public async Task WriteIndexAsync(Stream output, int articleFiles, int tagFiles, HttpContext context)
    {
        await using var writer = XmlWriter.Create(output, Settings);
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "sitemapindex", Namespace);
        await WriteEntryAsync(writer, "sitemap", urls.Route(context, FeedEndpoints.SitemapPagesName), null);
        for (var file = 1; file <= articleFiles; file++)
        {
            await WriteEntryAsync(writer, "sitemap", urls.Route(context, FeedEndpoints.SitemapArticlesName, new { number = file }), null);
        }

        for (var file = 1; file <= tagFiles; file++)
        {
            await WriteEntryAsync(writer, "sitemap", urls.Route(context, FeedEndpoints.SitemapTagsName, new { number = file }), null);
        }

        await writer.WriteEndElementAsync();
        await writer.FlushAsync();
    }

    public async Task WritePagesAsync(Stream output, DateTime? newest, IReadOnlyList<string> categories, IReadOnlyList<DateOnly> months, HttpContext context)
    {
        await using var writer = XmlWriter.Create(output, Settings);
        await StartUrlSetAsync(writer);
        await WriteEntryAsync(writer, "url", urls.Page(context, "/Index"), newest);
        await WriteEntryAsync(writer, "url", urls.Page(context, "/Archive/Index"), newest);
        foreach (var month in months)
        {
            await WriteEntryAsync(writer, "url", urls.Page(context, "/Archive/Month",
                new { year = month.Year, month = month.Month.ToString("00", CultureInfo.InvariantCulture) }), null);
        }

        foreach (var category in categories)
        {
            await WriteEntryAsync(writer, "url", urls.Page(context, "/Categories/Details", new { slug = category }), null);
        }

        await writer.WriteEndElementAsync();
        await writer.FlushAsync();
    }

    public Task WriteArticlesAsync(Stream output, IAsyncEnumerable<SitemapArticle> articles, HttpContext context, CancellationToken ct)
    {
        var address = urls.PageBySlug(context, "/Articles/Details");
        return WriteUrlSetAsync(output, articles.Select(a => (address.With(a.Slug), (DateTime?)a.UpdatedAt)), ct);
    }

    public Task WriteTagsAsync(Stream output, IAsyncEnumerable<string> tags, HttpContext context, CancellationToken ct)
    {
        var address = urls.PageBySlug(context, "/Tags/Details");
        return WriteUrlSetAsync(output, tags.Select(tag => (address.With(tag), (DateTime?)null)), ct);
    }

    public string WriteRobots(HttpContext context)
    {
        var sitemap = urls.Route(context, FeedEndpoints.SitemapName);
        return $"User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /account\n\nSitemap: {sitemap}\n";
    }

    private static async Task WriteUrlSetAsync(Stream output, IAsyncEnumerable<(string Loc, DateTime? LastModified)> entries, CancellationToken ct)
    {
        await using var writer = XmlWriter.Create(output, Settings);
        await StartUrlSetAsync(writer);
        await foreach (var (loc, lastModified) in entries.WithCancellation(ct))
        {
            await WriteEntryAsync(writer, "url", loc, lastModified);
        }

        await writer.WriteEndElementAsync();
        await writer.FlushAsync();
    }

    private static async Task StartUrlSetAsync(XmlWriter writer)
    {
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "urlset", Namespace);
    }

    private static async Task WriteEntryAsync(XmlWriter writer, string element, string loc, DateTime? lastModified)
    {
        await writer.WriteStartElementAsync(null, element, Namespace);
        await writer.WriteElementStringAsync(null, "loc", Namespace, loc);
        if (lastModified is { } value)
        {
            await writer.WriteElementStringAsync(null, "lastmod", Namespace,
                DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        }

        await writer.WriteEndElementAsync();
    }
}
