using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

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
        await anonymous.GetAsync(ArticlePath);
        Assert.NotNull((await anonymous.GetAsync(ArticlePath)).Headers.Age);

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
}
