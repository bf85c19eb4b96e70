using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BlogSite.IntegrationTests.Web;

/// <summary>
/// Absolute links come only from Site:BaseUrl, which Production requires, and a request for another host is
/// refused before anything renders or is cached.
/// </summary>
public sealed class HostTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles/sizing-go-worker-pools")]
    [InlineData("/feed.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    public async Task ForeignHost_IsRefused_AndNeverReachesAPage(string path)
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, path);
        forged.Headers.Host = "evil.example";

        using var refused = await client.SendAsync(forged);
        var page = await client.GetStringAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("evil.example", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AllowedHosts_WhenSet_IsTheOperatorsList()
    {
        using var factory = new BlogFactory();
        factory.Settings["AllowedHosts"] = "localhost;www.blog.test";
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://www.blog.test") });

        var page = await BlogFactory.ParseAsync(await client.GetAsync("/"));

        Assert.Equal("http://localhost/", page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://blog.example.com/blog")]
    [InlineData("ftp://blog.example.com")]
    public void Production_WithoutAUsableBaseUrl_RefusesToStart_NamingTheKey(string baseUrl)
    {
        using var factory = new BlogFactory();
        factory.Settings["Site:BaseUrl"] = baseUrl;

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Site:BaseUrl", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_WithoutABaseUrl_Starts_AndLinksFollowTheRequest()
    {
        using var factory = new BlogFactory { EnvironmentName = "Development" };
        factory.Settings["Site:BaseUrl"] = "";
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://127.0.0.1:5080") });

        var page = await BlogFactory.ParseAsync(await client.GetAsync("/"));

        Assert.Equal("http://127.0.0.1:5080/", page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
    }
}
