using BlogSite.Counters;
using BlogSite.Data;
using BlogSite.Tests.Support;
using BlogSite.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Web;

public sealed class ReaderPageCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));

    // Eviction by article goes through routing; these tests use paths, so no routes are needed.
    private ReaderPageCache Create(int flushSeconds = 5, int maxEntries = 10_000, int maxMegabytes = 32, string? baseUrl = null) =>
        new(Options.Create(new ViewOptions { FlushSeconds = flushSeconds }),
            Options.Create(new ReaderPageCacheOptions { MaxEntries = maxEntries, MaxMegabytes = maxMegabytes }),
            Options.Create(new SiteOptions { BaseUrl = baseUrl }), clock, links: null!);

    private const long DefaultBytes = 32L * 1024 * 1024;

    private static void Store(ReaderPageCache cache, string key, int bytes = 10, string? path = null) =>
        cache.Store(key, path ?? key, new byte[bytes], [KeyValuePair.Create("Content-Type", "text/html")], cache.Version);

    [Fact]
    public void TryGet_WithinTheLifetime_ReturnsThePage_ThenItExpires()
    {
        var cache = Create(flushSeconds: 5);
        Store(cache, "/tags/go");

        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.True(cache.TryGet("/tags/go", out var page));
        Assert.Equal("/tags/go", page.Path);

        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.False(cache.TryGet("/tags/go", out _));
    }

    [Fact]
    public void TryGet_IgnoresCase_AsRoutingDoes()
    {
        var cache = Create();
        Store(cache, "/tags/go");

        Assert.True(cache.TryGet("/Tags/Go", out _));
    }

    [Fact]
    public void Store_RenderedAcrossAnEviction_IsNotKept()
    {
        var cache = Create();
        var versionAtStart = cache.Version;

        cache.EvictPath("/articles/a");
        cache.Store("/articles/b", "/articles/b", new byte[10], [], versionAtStart);

        Assert.False(cache.TryGet("/articles/b", out _));
    }

    [Fact]
    public void EvictPath_DropsEveryVariantOfThatPage_AndNoOther()
    {
        var cache = Create();
        Store(cache, "/articles/a", path: "/articles/a");
        Store(cache, "/articles/a?pageNumber=&replyTo=4", path: "/articles/a");
        Store(cache, "/articles/b", path: "/articles/b");

        cache.EvictPath("/articles/a");

        Assert.False(cache.TryGet("/articles/a", out _));
        Assert.False(cache.TryGet("/articles/a?pageNumber=&replyTo=4", out _));
        Assert.True(cache.TryGet("/articles/b", out _));
    }

    [Fact]
    public void ArticleOrSiteChanged_DropsEverything()
    {
        var cache = Create();
        Store(cache, "/");
        Store(cache, "/tags/go");

        cache.OnChanged(new ArticleChanged("a"));

        Assert.False(cache.TryGet("/", out _));
        Assert.False(cache.TryGet("/tags/go", out _));
    }

    [Fact]
    public void Store_OverOnePagesLimit_IsNotKept()
    {
        var cache = Create();

        Store(cache, "/huge", bytes: ReaderPageCache.MaxPageBytes + 1);

        Assert.False(cache.TryGet("/huge", out _));
    }

    [Fact]
    public void Store_PastTheByteBound_DropsTheOldestPages()
    {
        var cache = Create(flushSeconds: 5);
        var pagesThatFit = (int)(DefaultBytes / ReaderPageCache.MaxPageBytes);
        for (var i = 0; i < pagesThatFit; i++)
        {
            Store(cache, $"/p{i}", bytes: ReaderPageCache.MaxPageBytes);
        }

        Store(cache, "/one-more", bytes: ReaderPageCache.MaxPageBytes);

        Assert.True(cache.TryGet("/one-more", out _));
        Assert.False(cache.TryGet("/p0", out _));
        Assert.True(cache.TryGet("/p2", out _));
        Assert.InRange(cache.Bytes, 0, DefaultBytes);
    }

    [Fact]
    public void Store_PastTheEntryBound_DropsTheOldest()
    {
        var cache = Create(maxEntries: 3);

        for (var i = 0; i < 5; i++)
        {
            Store(cache, $"/p{i}");
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("/p1", out _));
        Assert.True(cache.TryGet("/p2", out _));
        Assert.True(cache.TryGet("/p4", out _));
    }

    [Fact]
    public void Bytes_CountKeysAndHeaders_NotOnlyBodies()
    {
        var cache = Create();
        var key = "/tags/go?pageNumber=" + new string('9', 5_000);
        var header = new string('h', 3_000);

        cache.Store(key, "/tags/go", new byte[10], [KeyValuePair.Create("Content-Security-Policy", header)], cache.Version);

        Assert.True(cache.TryGet(key, out var page));
        Assert.Equal(page.Size, cache.Bytes);
        Assert.True(cache.Bytes >= (2 * (key.Length + header.Length)) + 10 + page.GzipBody.Length, $"{cache.Bytes} bytes");
    }

    [Fact]
    public void Store_ManySmallPagesWithLongKeys_StaysInsideTheByteBound()
    {
        var cache = Create(maxMegabytes: 1);
        var suffix = new string('x', 10_000);

        for (var i = 0; i < 1_000; i++)
        {
            Store(cache, $"/p{i}{suffix}", bytes: 1);
        }

        Assert.InRange(cache.Bytes, 1, 1024 * 1024);
        Assert.InRange(cache.Count, 1, 1024 * 1024 / 20_000);
        Assert.True(cache.TryGet($"/p999{suffix}", out _));
    }

    [Fact]
    public void Store_SweepsExpiredPages_BeforeTheCacheIsFull()
    {
        var cache = Create(flushSeconds: 5);
        Store(cache, "/a");
        Store(cache, "/b");
        Store(cache, "/c");
        Assert.Equal(3, cache.Count);

        clock.Advance(TimeSpan.FromSeconds(5));
        Store(cache, "/d");

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("/d", out var page));
        Assert.Equal(page.Size, cache.Bytes);
    }

    [Fact]
    public void Sweep_SkipsReplacedAndEvictedEntries_AndKeepsTheCountExact()
    {
        var cache = Create(flushSeconds: 5, maxEntries: 2);
        Store(cache, "/a");
        Store(cache, "/a");
        cache.EvictPath("/none");
        Store(cache, "/b");
        cache.EvictPath("/b");
        Store(cache, "/c");
        Store(cache, "/d");

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("/a", out _));
        Assert.True(cache.TryGet("/c", out var c));
        Assert.True(cache.TryGet("/d", out var d));
        Assert.Equal(c.Size + d.Size, cache.Bytes);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.False(cache.TryGet("/c", out _));
        Assert.False(cache.TryGet("/d", out _));
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Theory]
    [InlineData(null, "http://a.test/tags/go", "http://b.test/tags/go")]
    [InlineData("https://blog.example.com", "/tags/go", "/tags/go")]
    public void KeyOf_HasTheOrigin_OnlyWithoutABaseUrl(string? baseUrl, string fromA, string fromB)
    {
        var cache = Create(baseUrl: baseUrl);
        var page = new ReaderPageAttribute("pageNumber");

        Assert.Equal(fromA, cache.KeyOf(Request("a.test", "/tags/go", ""), "/tags/go", page));
        Assert.Equal(fromB, cache.KeyOf(Request("b.test", "/tags/go", "?utm=1"), "/tags/go", page));
    }

    internal static HttpRequest Request(string host, string path, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void Store_SameKeyAgain_ReplacesThePage_WithoutCountingTwice()
    {
        var cache = Create();
        var pagesThatFit = (int)(DefaultBytes / ReaderPageCache.MaxPageBytes);

        // Storing one key many times more than fit proves the replaced copies are not counted.
        for (var i = 0; i < pagesThatFit * 2; i++)
        {
            Store(cache, "/same", bytes: ReaderPageCache.MaxPageBytes);
        }

        Store(cache, "/other", bytes: ReaderPageCache.MaxPageBytes);
        Assert.True(cache.TryGet("/other", out _));
        Assert.True(cache.TryGet("/same", out var same));
        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryGet("/other", out var other));
        Assert.Equal(same.Size + other.Size, cache.Bytes);
    }
}
