using BlogSite.Counters;
using BlogSite.Tests.Support;
using BlogSite.Web;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Web;

public sealed class ReaderPageCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));

    // Eviction by article goes through routing; these tests use paths, so no routes are needed.
    private ReaderPageCache Create(int flushSeconds = 5) =>
        new(Options.Create(new ViewOptions { FlushSeconds = flushSeconds }), clock, links: null!);

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
    public void EvictAll_DropsEverything()
    {
        var cache = Create();
        Store(cache, "/");
        Store(cache, "/tags/go");

        cache.EvictAll();

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
    public void Store_WhenFull_KeepsNoMore_UntilOldPagesExpire()
    {
        var cache = Create(flushSeconds: 5);
        var pagesThatFit = (int)(ReaderPageCache.MaxTotalBytes / ReaderPageCache.MaxPageBytes);
        for (var i = 0; i < pagesThatFit; i++)
        {
            Store(cache, $"/p{i}", bytes: ReaderPageCache.MaxPageBytes);
        }

        Store(cache, "/one-more", bytes: ReaderPageCache.MaxPageBytes);
        Assert.False(cache.TryGet("/one-more", out _));
        Assert.True(cache.TryGet("/p0", out _));

        clock.Advance(TimeSpan.FromSeconds(5));
        Store(cache, "/one-more", bytes: ReaderPageCache.MaxPageBytes);
        Assert.True(cache.TryGet("/one-more", out _));
    }

    [Fact]
    public void Store_SameKeyAgain_ReplacesThePage_WithoutCountingTwice()
    {
        var cache = Create();
        var pagesThatFit = (int)(ReaderPageCache.MaxTotalBytes / ReaderPageCache.MaxPageBytes);

        // Storing one key many times more than fit proves the replaced copies are not counted.
        for (var i = 0; i < pagesThatFit * 2; i++)
        {
            Store(cache, "/same", bytes: ReaderPageCache.MaxPageBytes);
        }

        Store(cache, "/other", bytes: ReaderPageCache.MaxPageBytes);
        Assert.True(cache.TryGet("/other", out _));
    }
}
