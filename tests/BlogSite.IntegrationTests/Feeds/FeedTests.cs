using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using BlogSite.Domain;
using BlogSite.Feeds;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Feeds;

public sealed class FeedTests : IClassFixture<BlogFactory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private readonly BlogFactory factory;

    public FeedTests(BlogFactory factory) => this.factory = factory;

    private HttpClient Client() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<List<string>> PublishedSlugsAsync(Func<IQueryable<Article>, IQueryable<Article>>? filter = null, int take = 20) =>
        await factory.WithDbAsync(db =>
        {
            var now = DateTime.UtcNow;
            var query = db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);
            return (filter?.Invoke(query) ?? query)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(take).Select(a => a.Slug).ToListAsync();
        });

    private async Task<(HttpResponseMessage Response, SyndicationFeed Feed)> LoadAsync(string path)
    {
        var response = await Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return (response, SyndicationFeed.Load(reader));
    }

    private static string SlugOf(SyndicationItem item) => item.Links[0].Uri.AbsolutePath.Split('/')[^1];

    [Theory]
    [InlineData("/feed.xml", "application/rss+xml")]
    [InlineData("/atom.xml", "application/atom+xml")]
    public async Task SiteFeed_Get_HoldsExactlyThePublishedArticlesNewestFirst(string path, string mediaType)
    {
        var (response, feed) = await LoadAsync(path);

        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var slugs = feed.Items.Select(SlugOf).ToList();
        Assert.Equal(await PublishedSlugsAsync(), slugs);
        Assert.DoesNotContain(Fixtures.DraftSlug, slugs);
        Assert.DoesNotContain(Fixtures.FutureSlug, slugs);
        var dates = feed.Items.Select(i => i.PublishDate).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task AtomFeed_Items_HaveHtmlContentAuthorAndReachableAbsoluteLinks()
    {
        var (_, feed) = await LoadAsync("/atom.xml");

        Assert.NotEmpty(feed.Items);
        foreach (var item in feed.Items)
        {
            var content = Assert.IsType<TextSyndicationContent>(item.Content);
            Assert.Equal("html", content.Type);
            Assert.Contains("<p", content.Text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(item.Summary?.Text));
            Assert.False(string.IsNullOrEmpty(Assert.Single(item.Authors).Name));
            Assert.NotEqual(default, item.LastUpdatedTime);
            Assert.True(item.Links[0].Uri.IsAbsoluteUri);
        }

        var first = feed.Items.First().Links[0].Uri;
        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync(first)).StatusCode);
    }

    [Fact]
    public async Task RssFeed_Items_CarryFullHtmlInContentEncoded()
    {
        var (_, feed) = await LoadAsync("/feed.xml");

        foreach (var item in feed.Items)
        {
            var html = item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentNs.NamespaceName);
            Assert.Contains("<p", Assert.Single(html), StringComparison.Ordinal);
            Assert.True(item.Links[0].Uri.IsAbsoluteUri);
        }
    }

    [Theory]
    [InlineData("feed.xml")]
    [InlineData("atom.xml")]
    public async Task CategoryAndTagFeeds_Get_HoldOnlyTheirArticles(string file)
    {
        var (_, byCategory) = await LoadAsync($"/categories/fixtures/{file}");
        var (_, byTag) = await LoadAsync($"/tags/testing/{file}");

        Assert.Equal(await PublishedSlugsAsync(q => q.Where(a => a.Category!.Slug == "fixtures")), byCategory.Items.Select(SlugOf));
        Assert.Equal(await PublishedSlugsAsync(q => q.Where(a => a.Tags.Any(t => t.Slug == "testing"))), byTag.Items.Select(SlugOf));
        Assert.NotEmpty(byTag.Items);
    }

    [Theory]
    [InlineData("/categories/no-such-category/feed.xml")]
    [InlineData("/categories/no-such-category/atom.xml")]
    [InlineData("/tags/no-such-tag/feed.xml")]
    [InlineData("/tags/no-such-tag/atom.xml")]
    public async Task UnknownCategoryOrTagFeed_Get_Is404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync(path)).StatusCode);

    [Fact]
    public async Task SiteFeed_SecondCookielessGet_IsServedFromThePageCache()
    {
        // A factory of its own: the shared one may already hold this feed.
        using var own = new BlogFactory();
        var client = own.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var first = await client.GetAsync("/atom.xml");
        var second = await client.GetAsync("/atom.xml");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
    }

    /// <summary>The files the sitemap index names, and the url entries of them all.</summary>
    private static async Task<(List<Uri> Files, List<XElement> Urls)> SitemapAsync(BlogFactory site)
    {
        var client = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var index = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Sitemap + "sitemap").Select(s => new Uri(s.Element(Sitemap + "loc")!.Value)).ToList();
        var urls = new List<XElement>();
        foreach (var file in files)
        {
            var doc = XDocument.Parse(await client.GetStringAsync(file.AbsolutePath));
            Assert.Equal(Sitemap + "urlset", doc.Root!.Name);
            urls.AddRange(doc.Root.Elements(Sitemap + "url"));
        }

        return (files, urls);
    }

    [Fact]
    public async Task Sitemap_IsAnIndexOfFiles_ThatTogetherListEveryPublishedPageOnce_WithAbsoluteLocs()
    {
        var (files, urls) = await SitemapAsync(factory);

        Assert.Equal(["/sitemaps/pages.xml", "/sitemaps/articles-1.xml", "/sitemaps/tags-1.xml"], files.Select(f => f.AbsolutePath));
        var locs = urls.Select(u => new Uri(u.Element(Sitemap + "loc")!.Value)).ToList();
        Assert.All(locs, loc => Assert.True(loc.IsAbsoluteUri));
        Assert.Equal(locs.Count, locs.Distinct().Count());
        var articles = urls.Where(u => u.Element(Sitemap + "loc")!.Value.Contains("/articles/", StringComparison.Ordinal)).ToList();
        Assert.All(articles, u => Assert.NotNull(u.Element(Sitemap + "lastmod")));
        var slugs = articles.Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath.Split('/')[^1]).ToList();
        Assert.Equal((await PublishedSlugsAsync(take: int.MaxValue)).Order(), slugs.Order());
        Assert.DoesNotContain(Fixtures.DraftSlug, slugs);
        Assert.DoesNotContain(Fixtures.FutureSlug, slugs);
        Assert.Contains(locs, loc => loc.AbsolutePath == "/");
        Assert.Contains(locs, loc => loc.AbsolutePath == "/archive");
        Assert.Contains(locs, loc => loc.AbsolutePath == "/archive/2026/01");
        Assert.Contains(locs, loc => loc.AbsolutePath == "/categories/fixtures");
        Assert.Contains(locs, loc => loc.AbsolutePath == "/tags/testing");
    }

    [Fact]
    public async Task Sitemap_ArticleFiles_HoldBlocksOfIds_SoAnArticlePastTheBlockStartsTheNextFile()
    {
        using var site = new BlogFactory();
        await site.WithDbAsync(async db =>
        {
            var category = await db.Categories.FirstAsync();
            var now = DateTime.UtcNow;
            db.Articles.Add(new Article
            {
                Id = SitemapWriter.UrlsPerFile + 1,
                Slug = "sitemap-next-block",
                Title = "In the next block",
                CategoryId = category.Id,
                Status = ArticleStatus.Published,
                PublishedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            });
            return await db.SaveChangesAsync();
        });

        var (files, urls) = await SitemapAsync(site);
        var second = XDocument.Parse(await site.CreateClient().GetStringAsync("/sitemaps/articles-2.xml"));

        Assert.Equal(["/sitemaps/articles-1.xml", "/sitemaps/articles-2.xml"],
            files.Select(f => f.AbsolutePath).Where(path => path.Contains("/articles-", StringComparison.Ordinal)));
        Assert.Equal(["http://localhost/articles/sitemap-next-block"], second.Descendants(Sitemap + "loc").Select(l => l.Value));
        Assert.Single(urls, u => u.Element(Sitemap + "loc")!.Value.EndsWith("/sitemap-next-block", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/sitemaps/articles-9.xml")]
    [InlineData("/sitemaps/articles-0.xml")]
    [InlineData("/sitemaps/articles-01.xml")]
    [InlineData("/sitemaps/tags-9.xml")]
    public async Task Sitemap_FileThatIsNotInTheIndex_Is404(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Robots_Get_DisallowsAdminAndAccountAndNamesTheSitemap()
    {
        var text = await Client().GetStringAsync("/robots.txt");

        Assert.Contains("Disallow: /admin\n", text, StringComparison.Ordinal);
        Assert.Contains("Disallow: /account\n", text, StringComparison.Ordinal);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/categories/fixtures", "/categories/fixtures/feed.xml")]
    [InlineData("/tags/testing", "/tags/testing/atom.xml")]
    public async Task Page_Head_LinksTheFeeds(string path, string? ownFeed)
    {
        var document = await BlogFactory.ParseAsync(await Client().GetAsync(path));
        var hrefs = document.Head!.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")).ToList();

        Assert.Contains("/feed.xml", hrefs);
        Assert.Contains("/atom.xml", hrefs);
        if (ownFeed is not null)
        {
            Assert.Contains(ownFeed, hrefs);
        }
    }
}
