using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using BlogSite.Content;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Feeds;

public enum FeedFormat
{
    Rss,
    Atom,
}

/// <summary>Turns a <see cref="FeedSource"/> into RSS 2.0 or Atom 1.0 bytes with absolute links.</summary>
public sealed class FeedWriter(MarkdownRenderer renderer, SiteUrls urls, IOptions<SiteOptions> site)
{
    public const string RssContentType = "application/rss+xml; charset=utf-8";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    // RSS 2.0 has no element for a full body; readers look for content:encoded.
    private static readonly XNamespace ContentNamespace = "http://purl.org/rss/1.0/modules/content/";

    public async Task<byte[]> WriteAsync(FeedSource source, FeedFormat format, Uri self, HttpContext context, CancellationToken ct)
    {
        var title = source.Name is null ? site.Value.Title : $"{source.Name} · {site.Value.Title}";
        var home = new Uri(urls.Page(context, "/Index"));
        var feed = new SyndicationFeed(title, site.Value.Tagline, home)
        {
            Id = self.AbsoluteUri,
            LastUpdatedTime = source.Articles.Count == 0 ? DateTimeOffset.UnixEpoch : source.Articles.Max(a => Utc(a.UpdatedAt)),
        };
        feed.Links.Add(new SyndicationLink(self, "self", title, format == FeedFormat.Rss ? "application/rss+xml" : "application/atom+xml", 0));

        var items = new List<SyndicationItem>(source.Articles.Count);
        foreach (var article in source.Articles)
        {
            var link = new Uri(urls.Page(context, "/Articles/Details", new { slug = article.Slug }));
            var html = (await renderer.RenderArticleAsync(article.ContentHash, article.Body, ct)).Html;
            var item = new SyndicationItem(article.Title, (SyndicationContent?)null, link, link.AbsoluteUri, Utc(article.UpdatedAt))
            {
                PublishDate = Utc(article.PublishedAt),
                Summary = new TextSyndicationContent(article.Summary),
            };
            item.Authors.Add(new SyndicationPerson { Name = article.AuthorName });
            if (format == FeedFormat.Atom)
            {
                item.Content = SyndicationContent.CreateHtmlContent(html);
            }
            else
            {
                item.ElementExtensions.Add(new XElement(ContentNamespace + "encoded", new XAttribute(XNamespace.Xmlns + "content", ContentNamespace), html).CreateReader());
            }

            items.Add(item);
        }

        feed.Items = items;
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Rss ? new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true) : new Atom10FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    // The database keeps UTC without a kind; feeds need the offset spelled out.
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
