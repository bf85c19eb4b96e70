using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Pages.Articles;

public sealed class HeartTests
{
    private const string Slug = "sizing-go-worker-pools";

    private static Task<long> HeartsAsync(BlogFactory factory, string slug = Slug) =>
        factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Hearts).SingleAsync());

    /// <summary>A token as the page's script gets it; the client keeps the antiforgery cookie.</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var json = await client.GetFromJsonAsync<JsonElement>("/antiforgery/token");
        return json.GetProperty("token").GetString()!;
    }

    private static async Task<HttpResponseMessage> HeartAsync(HttpClient client, string token, bool hearted, bool json = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{Slug}/heart")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Hearted"] = hearted ? "true" : "false",
            }),
        };
        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Heart_WithScript_TogglesInPlace_AndSecondPostTakesItBack()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();
        var token = await TokenAsync(client);

        var on = await (await HeartAsync(client, token, hearted: true)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(on.GetProperty("hearted").GetBoolean());
        Assert.Equal(1, on.GetProperty("hearts").GetInt64());
        Assert.Equal("1 heart", on.GetProperty("label").GetString());

        var page = await BlogFactory.ParseAsync(await client.GetAsync($"/articles/{Slug}"));
        Assert.Equal("true", page.QuerySelector("form.heart button")!.GetAttribute("aria-pressed"));
        Assert.Equal("false", page.QuerySelector("form.heart input[name=Hearted]")!.GetAttribute("value"));

        var off = await (await HeartAsync(client, token, hearted: false)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(off.GetProperty("hearted").GetBoolean());
        Assert.Equal(0, await HeartsAsync(factory));
    }

    [Fact]
    public async Task Heart_WithoutScript_OnCachedPage_AsksToConfirm_ThenCounts()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();

        // The shared page has no token: the first post is answered 400 with a confirm form that has one.
        var first = await Forms.SubmitAsync(client, $"/articles/{Slug}", "form.heart", new Dictionary<string, string>());
        var firstHtml = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.BadRequest, firstHtml);
        Assert.Equal(0, await HeartsAsync(factory));

        var confirm = (AngleSharp.Html.Dom.IHtmlFormElement)new AngleSharp.Html.Parser.HtmlParser().ParseDocument(firstHtml).QuerySelector("main form")!;
        var second = await Forms.PostAsync(client, confirm, new Dictionary<string, string>(), path: $"/articles/{Slug}/heart");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal($"/articles/{Slug}#heart", second.Headers.Location!.OriginalString);
        Assert.Equal(1, await HeartsAsync(factory));

        // Now the reader has cookies, the page embeds a token and the plain form works at once.
        var third = await Forms.SubmitAsync(client, $"/articles/{Slug}", "form.heart", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Equal(0, await HeartsAsync(factory));
    }

    [Fact]
    public async Task Heart_WithoutToken_Is400_AndChangesNothing()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();
        await TokenAsync(client);

        var response = await HeartAsync(client, token: "", hearted: true);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await HeartsAsync(factory));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Hearts.CountAsync()));
    }

    [Fact]
    public async Task Heart_UnknownArticle_Is404()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();
        var token = await TokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/articles/no-such-article/heart")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Hearted"] = "true" }),
        };
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ThousandReaders_InParallel_CountThousand()
    {
        using var factory = new BlogFactory();
        factory.Settings["RateLimits:HeartsPerMinute"] = "100000";
        const int readers = 1000;
        var clients = Enumerable.Range(0, readers).Select(_ => factory.CreateReaderClient()).ToList();
        var tokens = await Task.WhenAll(clients.Select(TokenAsync));

        var responses = await Task.WhenAll(clients.Select((client, i) => HeartAsync(client, tokens[i], hearted: true)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(readers, await HeartsAsync(factory));
        Assert.Equal(readers, await factory.WithDbAsync(db => db.Hearts.CountAsync()));
    }

    [Fact]
    public async Task OneReader_HundredParallelHearts_CountOne()
    {
        using var factory = new BlogFactory();
        factory.Settings["RateLimits:HeartsPerMinute"] = "100000";
        var client = factory.CreateReaderClient();
        client.DefaultRequestHeaders.Add("Cookie", "blog_reader=AAAAAAAAAAAAAAAAAAAAAA");
        var token = await TokenAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => HeartAsync(client, token, hearted: true)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await HeartsAsync(factory));
    }

    [Fact]
    public async Task Hearts_OverTheRateLimit_Answer429_WithRetryAfter()
    {
        using var factory = new BlogFactory();
        factory.Settings["RateLimits:HeartsPerMinute"] = "3";
        var client = factory.CreateReaderClient();
        client.DefaultRequestHeaders.Add("Cookie", "blog_reader=BBBBBBBBBBBBBBBBBBBBBB");
        var token = await TokenAsync(client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await HeartAsync(client, token, hearted: i % 2 == 0, json: false)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        var limited = await HeartAsync(client, token, hearted: true, json: false);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Slow down", page, StringComparison.Ordinal);
        Assert.Contains("seconds", page, StringComparison.Ordinal);
    }
}
