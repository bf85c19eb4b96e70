using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlogSite.Web;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Web;

public sealed class ReaderPageCacheTests
{
    private const string ArticlePath = "/articles/sizing-go-worker-pools";

    /// <summary>A reader with no cookies, as the shared page cache serves them.</summary>
    private static HttpClient CookielessReader(BlogFactory factory)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BlogFactory.BrowserUserAgent);
        return client;
    }

    [Theory]
    [InlineData(ArticlePath)]
    [InlineData("/")]
    [InlineData("/categories/tech")]
    [InlineData("/tags/testing")]
    public async Task ReaderPage_SecondAnonymousGet_IsServedFromCache_WithTheSameBytesAndHeaders(string path)
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);

        var first = await client.GetAsync(path);
        var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task ReaderWithCookie_GetsAFreshPage()
    {
        using var factory = new BlogFactory();
        await CookielessReader(factory).GetAsync(ArticlePath);
        var withCookie = factory.CreateReaderClient();
        withCookie.DefaultRequestHeaders.Add("Cookie", "blog_reader=abc");

        var response = await withCookie.GetAsync(ArticlePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age);
    }

    [Fact]
    public async Task Head_OnACachedPage_HasTheLengthAndNoBody()
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);
        var page = await client.GetAsync(ArticlePath);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, ArticlePath));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.Age);
        Assert.Equal((await page.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PageNumber_IsAnotherEntry_OtherQueryValuesShareOne()
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);
        var firstPage = await (await client.GetAsync("/")).Content.ReadAsStringAsync();

        var numbered = await client.GetAsync("/?pageNumber=1");
        var tracked = await client.GetAsync("/?utm_source=feed");

        Assert.Equal(HttpStatusCode.OK, numbered.StatusCode);
        Assert.Null(numbered.Headers.Age);
        Assert.NotNull(tracked.Headers.Age);
        Assert.Equal(firstPage, await tracked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NotFound_IsNeverKept()
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);

        await client.GetAsync("/articles/no-such-article");
        var again = await client.GetAsync("/articles/no-such-article");

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public async Task PagesWithoutTheMark_AreNeverKept()
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);

        await client.GetAsync("/account/login");
        var again = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public async Task Heart_DropsTheCachedArticlePage_SoTheNextReaderSeesTheCount()
    {
        using var factory = new BlogFactory();
        var anonymous = CookielessReader(factory);
        // On PostgreSQL the change listener drops the whole cache once it is connected, which may come after the
        // first request: the page is then kept again by the next one.
        var cached = false;
        for (var attempt = 0; attempt < 5 && !cached; attempt++)
        {
            await anonymous.GetAsync(ArticlePath);
            cached = (await anonymous.GetAsync(ArticlePath)).Headers.Age is not null;
        }

        Assert.True(cached);

        var reader = factory.CreateReaderClient();
        var token = (await reader.GetFromJsonAsync<JsonElement>("/antiforgery/token")).GetProperty("token").GetString()!;
        var heart = await reader.PostAsync(ArticlePath + "/heart", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Hearted"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, heart.StatusCode);

        var after = await anonymous.GetAsync(ArticlePath);
        Assert.Null(after.Headers.Age);
        var document = await BlogFactory.ParseAsync(after);
        Assert.Contains("1 heart", document.QuerySelector("form.heart")!.TextContent, StringComparison.Ordinal);
    }

    private static ReaderPageCache CacheOf(BlogFactory factory) => factory.Services.GetRequiredService<ReaderPageCache>();

    [Theory]
    [InlineData("/", "abc")]
    [InlineData("/", "-1")]
    [InlineData("/", "0")]
    [InlineData("/", "007")]
    [InlineData("/", "")]
    [InlineData("/", "2&pageNumber=2")]
    [InlineData("/tags/testing", "abc")]
    [InlineData("/tags/testing", "007")]
    [InlineData("/categories/tech", "1&pageNumber=1")]
    [InlineData("/categories/tech", "-5")]
    public async Task MalformedPageNumber_IsNotFound_AndMakesNoEntry(string path, string value)
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        var entries = CacheOf(factory).Count;

        var first = await client.GetAsync($"{path}?pageNumber={value}");
        var again = await client.GetAsync($"{path}?pageNumber={value}");

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(again.Headers.Age);
        Assert.Equal(entries, CacheOf(factory).Count);
    }

    [Fact]
    public async Task PageNumberPastTheEnd_IsNotFound_AndMakesNoEntry()
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);

        var response = await client.GetAsync("/?pageNumber=9999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, CacheOf(factory).Count);
    }

    [Fact]
    public async Task UnknownQueryNames_AreAnsweredFromTheCanonicalEntry_AndMakeNoOther()
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);
        var canonical = await (await client.GetAsync("/tags/testing?pageNumber=1")).Content.ReadAsStringAsync();

        var tracked = await client.GetAsync("/tags/testing?utm_source=feed&PageNumber=1&fbclid=abc");

        Assert.NotNull(tracked.Headers.Age);
        Assert.Equal(canonical, await tracked.Content.ReadAsStringAsync());
        Assert.Equal(1, CacheOf(factory).Count);
    }

    [Fact]
    public async Task HandlerInTheQuery_IsNeverKept_NorServedTheCanonicalPage()
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);
        var archive = await (await client.GetAsync("/archive")).Content.ReadAsStringAsync();

        var other = await client.GetAsync("/archive?handler=Other");
        var after = await client.GetAsync("/archive");

        Assert.Null(other.Headers.Age);
        Assert.Equal(1, CacheOf(factory).Count);
        Assert.NotNull(after.Headers.Age);
        Assert.Equal(archive, await after.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("1&replyTo=2")]
    public async Task ReplyToNoComment_RedirectsToTheArticlesForm_AndMakesNoEntry(string value)
    {
        using var factory = new BlogFactory();
        var client = CookielessReader(factory);

        var response = await client.GetAsync($"{ArticlePath}?replyTo={value}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ArticlePath + "#comment-form", response.Headers.Location?.OriginalString);
        Assert.Equal(0, CacheOf(factory).Count);
    }

    [Fact]
    public async Task WithoutABaseUrl_EachHostGetsItsOwnCopy_WithItsOwnLinks()
    {
        // Only Development may run without a base URL.
        using var factory = new BlogFactory { EnvironmentName = "Development" };
        factory.Settings["Site:BaseUrl"] = "";
        var client = CookielessReader(factory);
        await client.GetAsync("http://a.test/tags/testing");

        var fromB = await client.GetAsync("http://b.test/tags/testing");
        var fromA = await client.GetAsync("http://a.test/tags/testing");

        Assert.Null(fromB.Headers.Age);
        Assert.Contains("http://b.test/", await fromB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("http://a.test/", await fromB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(fromA.Headers.Age);
        Assert.Contains("http://a.test/", await fromA.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithABaseUrl_TheHostDoesNotChangeTheKey()
    {
        using var factory = new BlogFactory();
        factory.Settings["Site:BaseUrl"] = "https://blog.example.com";
        factory.Settings["AllowedHosts"] = "*";
        var client = CookielessReader(factory);
        await client.GetAsync("http://a.test/tags/testing");

        var fromB = await client.GetAsync("http://b.test/tags/testing");

        Assert.NotNull(fromB.Headers.Age);
        Assert.Contains("https://blog.example.com/tags/testing", await fromB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, CacheOf(factory).Count);
    }

    [Fact]
    public async Task EntryBound_FromSettings_KeepsTheNewestPages()
    {
        using var factory = new BlogFactory();
        factory.Settings["PageCache:MaxEntries"] = "2";
        var client = CookielessReader(factory);

        foreach (var path in new[] { "/", "/archive", "/tags/testing", "/categories/tech" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }

        Assert.Equal(2, CacheOf(factory).Count);
        Assert.Null((await client.GetAsync("/")).Headers.Age);
        Assert.NotNull((await client.GetAsync("/categories/tech")).Headers.Age);
    }

    /// <summary>
    /// A flood of distinct query strings (junk names, malformed and out-of-range page numbers, reply links to
    /// no comment) leaves the cache with the handful of real pages it asked for, which are still served from it.
    /// </summary>
    [Fact]
    public async Task TwoHundredThousandDistinctQueryStrings_KeepTheCacheToTheRealPages()
    {
        using var factory = new BlogFactory();
        var cache = CacheOf(factory);
        string[] pages = ["/", "/archive", "/tags/testing", "/categories/tech", ArticlePath];
        const int requests = 200_000;
        var next = -1;
        var maxCount = 0;
        var maxBytes = 0L;

        async Task WorkAsync()
        {
            var client = CookielessReader(factory);
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                // Rendered answers (404s, redirects) are a few in a thousand, so the run stays near a minute on two cores.
                var uri = (i % 1_000) switch
                {
                    0 => $"/?pageNumber=0{i}",
                    1 => $"/tags/testing?pageNumber={1_000 + i}",
                    2 => $"{ArticlePath}?replyTo={1_000_000 + i}",
                    3 => $"/categories/tech?pageNumber=x{i}&utm={i}",
                    _ => $"{pages[i % pages.Length]}?utm_source={i}&replyTo2={i}",
                };
                using var response = await client.GetAsync(uri);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{uri}: {response.StatusCode}");
                if (i % 1_000 == 0)
                {
                    InterlockedMax(ref maxCount, cache.Count);
                    InterlockedMax(ref maxBytes, cache.Bytes);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(WorkAsync)));

        Assert.InRange(maxCount, 1, pages.Length);
        Assert.InRange(cache.Count, 0, pages.Length);
        Assert.InRange(maxBytes, 1, 32L * 1024 * 1024);
        var reader = CookielessReader(factory);
        foreach (var page in pages)
        {
            await reader.GetAsync(page);
            var again = await reader.GetAsync(page + "?utm_source=after");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.NotNull(again.Headers.Age);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            Interlocked.CompareExchange(ref target, value, seen);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            Interlocked.CompareExchange(ref target, value, seen);
        }
    }
}
