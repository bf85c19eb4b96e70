using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;

namespace BlogSite.IntegrationTests.Feeds;

/// <summary>
/// The request's host need not be the site's (an operator may answer several names with AllowedHosts):
/// every absolute link uses Site:BaseUrl.
/// </summary>
public sealed class BaseUrlTests
{
    private const string BaseUrl = "https://blog.example.com";

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/atom.xml")]
    [InlineData("/tags/go/feed.xml")]
    public async Task Feed_LinksUseTheSiteBaseUrl(string path)
    {
        using var factory = new BlogFactory();
        factory.Settings["Site:BaseUrl"] = BaseUrl + "/";
        factory.Settings["AllowedHosts"] = "*";
        using var reader = XmlReader.Create(await factory.CreateClient().GetStreamAsync(path));

        var feed = SyndicationFeed.Load(reader);

        var links = feed.Links.Select(l => l.Uri).Concat(feed.Items.SelectMany(i => i.Links.Select(l => l.Uri))).ToList();
        Assert.NotEmpty(feed.Items);
        Assert.All(links, link => Assert.StartsWith(BaseUrl + "/", link.AbsoluteUri, StringComparison.Ordinal));
        Assert.Contains(links, link => link.AbsoluteUri == BaseUrl + path);
    }

    [Fact]
    public async Task SitemapAndRobots_UseTheSiteBaseUrl()
    {
        using var factory = new BlogFactory();
        factory.Settings["Site:BaseUrl"] = BaseUrl;
        factory.Settings["AllowedHosts"] = "*";
        var client = factory.CreateClient();

        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var pages = XDocument.Parse(await client.GetStringAsync("/sitemaps/pages.xml"));
        var robots = await client.GetStringAsync("/robots.txt");

        var loc = XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9");
        var locs = index.Descendants(loc).Concat(pages.Descendants(loc)).Select(l => l.Value).ToList();
        Assert.Contains(BaseUrl + "/sitemaps/pages.xml", locs);
        Assert.Contains(BaseUrl + "/", locs);
        Assert.All(locs, loc => Assert.StartsWith(BaseUrl + "/", loc, StringComparison.Ordinal));
        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", robots, StringComparison.Ordinal);
    }
}
