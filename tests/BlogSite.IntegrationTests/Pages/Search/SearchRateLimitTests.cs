using System.Net;

namespace BlogSite.IntegrationTests.Pages.Search;

/// <summary>Searches per address per minute: past the limit, the search page says why, keeps the words, and sends Retry-After.</summary>
public sealed class SearchRateLimitTests
{
    [Fact]
    public async Task Searches_OverTheLimit_Answer429OnTheSearchPage_ForThatAddressOnly()
    {
        using var factory = new BlogFactory();
        factory.Settings["RateLimits:SearchesPerMinute"] = "2";
        var first = factory.CreateReaderClient(peer: "203.0.113.5");
        var second = factory.CreateReaderClient(peer: "198.51.100.7");

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/search?q=review")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/search?q=goroutine")).StatusCode);
        // The empty search page runs no search, so it does not count.
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/search")).StatusCode);
        var refused = await first.GetAsync("/search?q=" + Uri.EscapeDataString("stack traces"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        var page = await BlogFactory.ParseAsync(refused);
        Assert.Contains($"Please wait {seconds} seconds", page.QuerySelector(".search-status__refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("stack traces", page.QuerySelector("#search-page-q")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector(".search-results"));

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/search?q=review")).StatusCode);
    }
}
