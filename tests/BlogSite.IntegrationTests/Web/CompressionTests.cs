using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BlogSite.IntegrationTests.Web;

public sealed class CompressionTests
{
    private const string ArticlePath = "/articles/sizing-go-worker-pools";

    /// <summary>A reader with no cookies (so the page cache serves it) whose browser sends <paramref name="acceptEncoding"/>.</summary>
    private static HttpClient Reader(BlogFactory factory, string? acceptEncoding, string baseAddress = "http://localhost")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri(baseAddress),
        });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BlogFactory.BrowserUserAgent);
        if (acceptEncoding is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return client;
    }

    private static async Task<string> GunzipAsync(HttpResponseMessage response)
    {
        await using var gzip = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("https://localhost")]
    public async Task ReaderPage_AcceptingGzip_IsGzipped_RenderedAndFromTheCache(string baseAddress)
    {
        using var factory = new BlogFactory();
        var browser = Reader(factory, "gzip, deflate, br, zstd", baseAddress);

        var rendered = await browser.GetAsync(ArticlePath);
        var cached = await browser.GetAsync(ArticlePath);
        var plain = await Reader(factory, acceptEncoding: null, baseAddress).GetAsync(ArticlePath);

        Assert.Null(rendered.Headers.Age);
        Assert.NotNull(cached.Headers.Age);
        Assert.NotNull(plain.Headers.Age);
        foreach (var response in new[] { rendered, cached, plain })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }

        Assert.Equal(["gzip"], rendered.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], cached.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var page = await plain.Content.ReadAsStringAsync();
        Assert.Contains("</html>", page, StringComparison.Ordinal);
        Assert.Equal(page, await GunzipAsync(rendered));
        Assert.Equal(page, await GunzipAsync(cached));
        Assert.Equal(cached.Content.Headers.ContentLength, (await cached.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task ReaderPage_GzipRefused_IsSentPlain_RenderedAndFromTheCache()
    {
        using var factory = new BlogFactory();
        var client = Reader(factory, "gzip;q=0, identity");

        var rendered = await client.GetAsync(ArticlePath);
        var cached = await client.GetAsync(ArticlePath);

        Assert.NotNull(cached.Headers.Age);
        Assert.Empty(rendered.Content.Headers.ContentEncoding);
        Assert.Empty(cached.Content.Headers.ContentEncoding);
        Assert.Contains("</html>", await cached.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // BREACH: a page with a form token, or anything sent to a reader with cookies, is never compressed.
    [Theory]
    [InlineData("/account/login", null)]
    [InlineData(ArticlePath, "blog_reader=abc")]
    public async Task PersonalOrTokenPages_AreNotCompressed(string path, string? cookie)
    {
        using var factory = new BlogFactory();
        var client = Reader(factory, "gzip", "https://localhost");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("</html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
