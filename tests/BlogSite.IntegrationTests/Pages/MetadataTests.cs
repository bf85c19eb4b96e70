using System.Text.Json;

namespace BlogSite.IntegrationTests.Pages;

public sealed class MetadataTests
{
    private const string Slug = "reading-go-stack-traces";

    private static JsonElement JsonLd(AngleSharp.Html.Dom.IHtmlDocument page) =>
        JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;

    [Fact]
    public async Task Article_HasBlogPostingJsonLd_WithTheRequiredProperties()
    {
        using var factory = new BlogFactory();
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync($"/articles/{Slug}"));

        var json = JsonLd(page);

        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal("BlogPosting", json.GetProperty("@type").GetString());
        Assert.Equal(page.QuerySelector("h1")!.TextContent.Trim(), json.GetProperty("headline").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("description").GetString()));
        Assert.Equal("Person", json.GetProperty("author").GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("author").GetProperty("name").GetString()));
        Assert.True(DateTimeOffset.TryParse(json.GetProperty("datePublished").GetString(), out _));
        Assert.True(DateTimeOffset.TryParse(json.GetProperty("dateModified").GetString(), out _));
        Assert.True(json.GetProperty("wordCount").GetInt32() > 500);
        Assert.Matches(@"^PT\d+M$", json.GetProperty("timeRequired").GetString());
        Assert.Equal($"http://localhost/articles/{Slug}", json.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Article_HasOpenGraphAndTwitterCard_AndAnAbsoluteCanonicalLink()
    {
        using var factory = new BlogFactory();
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync($"/articles/{Slug}?utm_source=feed"));

        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal(page.QuerySelector("h1")!.TextContent.Trim(), Meta("meta[property='og:title']"));
        Assert.Equal($"http://localhost/articles/{Slug}", Meta("meta[property='og:url']"));
        Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:description']")));
        Assert.NotNull(Meta("meta[property='article:published_time']"));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.Equal($"http://localhost/articles/{Slug}", page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Home_HasBlogJsonLd()
    {
        using var factory = new BlogFactory();
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/"));

        var json = JsonLd(page);

        Assert.Equal("Blog", json.GetProperty("@type").GetString());
        Assert.Equal("BlogSite", json.GetProperty("name").GetString());
        Assert.Equal("http://localhost/", json.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/categories/tech")]
    [InlineData("/tags/go")]
    [InlineData("/account/login")]
    [InlineData("/articles/no-such-article")]
    public async Task EveryPage_HasATitleADescriptionAndACanonicalLink(string path)
    {
        using var factory = new BlogFactory();
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync(path));

        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name='description']")?.GetAttribute("content")));
        Assert.StartsWith("http://localhost/", page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Canonical_KeepsThePageNumber_DropsOtherQueryValues_AndFollowsSiteBaseUrl()
    {
        using var factory = new BlogFactory();
        factory.Settings["Site:BaseUrl"] = "https://blog.example.com/";
        factory.Settings["AllowedHosts"] = "*";
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/tags/go/?pageNumber=1&utm_source=x"));

        Assert.Equal("https://blog.example.com/tags/go", page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
    }
}
