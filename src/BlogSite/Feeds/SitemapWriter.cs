using System.Text;
using System.Xml;
using BlogSite.Web;

namespace BlogSite.Feeds;

/// <summary>The sitemap (home, archive, articles, categories, tags) and robots.txt, with absolute links.</summary>
public sealed class SitemapWriter(SiteUrls urls)
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public byte[] WriteSitemap(IReadOnlyList<SitemapArticle> articles, HttpContext context)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Namespace);
            var newest = articles.Count == 0 ? (DateTime?)null : articles.Max(a => a.UpdatedAt);
            WriteUrl(writer, urls.Page(context, "/Index"), newest);
            WriteUrl(writer, urls.Page(context, "/Archive/Index"), newest);
            foreach (var article in articles)
            {
                WriteUrl(writer, urls.Page(context, "/Articles/Details", new { slug = article.Slug }), article.UpdatedAt);
            }

            foreach (var category in articles.GroupBy(a => a.CategorySlug).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                WriteUrl(writer, urls.Page(context, "/Categories/Details", new { slug = category.Key }), category.Max(a => a.UpdatedAt));
            }

            var tags = articles.SelectMany(a => a.TagSlugs.Select(tag => (Tag: tag, a.UpdatedAt))).GroupBy(t => t.Tag);
            foreach (var tag in tags.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                WriteUrl(writer, urls.Page(context, "/Tags/Details", new { slug = tag.Key }), tag.Max(t => t.UpdatedAt));
            }

            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    public string WriteRobots(HttpContext context)
    {
        var sitemap = urls.Route(context, FeedEndpoints.SitemapName);
        return $"User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /account\n\nSitemap: {sitemap}\n";
    }

    private static void WriteUrl(XmlWriter writer, string loc, DateTime? lastModified)
    {
        writer.WriteStartElement("url", Namespace);
        writer.WriteElementString("loc", Namespace, loc);
        if (lastModified is { } value)
        {
            writer.WriteElementString("lastmod", Namespace, DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }
}
