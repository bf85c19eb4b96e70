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

    /// <summary>The reader cookie a response sets, or null when it sets none.</summary>
    private static string? ReaderCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0].Split('=', 2)).Where(c => c[0] == "blog_reader").Select(c => c[1]).SingleOrDefault()
            : null;

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
        // Every plain test client has the same (unknown) address.
        factory.Settings["RateLimits:HeartsPerAddressPerMinute"] = "100000";
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
        factory.Settings["RateLimits:HeartsPerAddressPerMinute"] = "100000";
        var client = factory.CreateReaderClient();
        var token = await TokenAsync(client);
        // Taking back a heart the reader never gave changes nothing, but issues their reader cookie.
        Assert.NotNull(ReaderCookie(await HeartAsync(client, token, hearted: false)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => HeartAsync(client, token, hearted: true)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await HeartsAsync(factory));
    }

    [Fact]
    public async Task Hearts_OverTheRateLimit_Answer429_WithRetryAfter()
    {
        using var factory = new BlogFactory();
        factory.Settings["RateLimits:HeartsPerMinute"] = "3";
        var client = factory.CreateReaderClient(peer: "203.0.113.7");
        var token = await TokenAsync(client);
        // The first heart issues the reader's key; the limit then counts that reader.
        Assert.NotNull(ReaderCookie(await HeartAsync(client, token, hearted: false)));

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

    [Fact]
    public async Task InventedOrTamperedReaderCookie_IsNoReader_AndAFreshSignedOneIsIssued()
    {
        using var factory = new BlogFactory();
        var reader = await HandHeldReader.StartAsync(factory);
        var first = await reader.HeartAsync(hearted: true, readerCookie: null, peer: "203.0.113.10");
        var signed = ReaderCookie(first);
        Assert.NotNull(signed);
        Assert.Equal(1, await HeartsAsync(factory));

        // A value shaped like the old unsigned cookies, and the real cookie with one character changed.
        const string invented = "AAAAAAAAAAAAAAAAAAAAAA";
        var tampered = signed[..60] + (signed[60] == 'A' ? 'B' : 'A') + signed[61..];
        foreach (var forged in new[] { invented, tampered })
        {
            var response = await reader.HeartAsync(hearted: false, forged, peer: "203.0.113.10");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var fresh = ReaderCookie(response);
            Assert.NotNull(fresh);
            Assert.NotEqual(forged, fresh);
            Assert.NotEqual(signed, fresh);
        }

        // Neither took back the real reader's heart, and the invented value keys nothing.
        Assert.Equal(1, await HeartsAsync(factory));
        await reader.HeartAsync(hearted: true, invented, peer: "203.0.113.10");
        Assert.DoesNotContain("r:" + invented, await factory.WithDbAsync(db => db.Hearts.Select(h => h.ReaderKey).ToListAsync()));

        // The signed cookie is still that reader: it takes the heart back, and no new cookie is issued.
        var back = await reader.HeartAsync(hearted: false, signed, peer: "203.0.113.10");
        Assert.Null(ReaderCookie(back));
        Assert.Equal(1, await HeartsAsync(factory));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Hearts.CountAsync()));
    }

    [Fact]
    public async Task ManyReaderCookies_FromOneAddress_HitThePerAddressLimit_With429AndRetryAfter()
    {
        using var factory = new BlogFactory();
        factory.Settings["RateLimits:HeartsPerAddressPerMinute"] = "3";
        var reader = await HandHeldReader.StartAsync(factory);

        // Four readers who got their keys at four addresses, then all heart from one.
        var cookies = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            cookies.Add(ReaderCookie(await reader.HeartAsync(hearted: false, readerCookie: null, peer: $"198.51.100.{i + 1}"))!);
        }

        var statuses = new List<HttpStatusCode>();
        foreach (var cookie in cookies)
        {
            statuses.Add((await reader.HeartAsync(hearted: true, cookie, peer: "203.0.113.20")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, await HeartsAsync(factory));

        var limited = await reader.HeartAsync(hearted: true, readerCookie: null, peer: "203.0.113.20", json: false);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Null(ReaderCookie(limited));
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Slow down", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another address is not held back by this one.
        Assert.Equal(HttpStatusCode.OK, (await reader.HeartAsync(hearted: true, cookies[3], peer: "203.0.113.21")).StatusCode);
        Assert.Equal(4, await HeartsAsync(factory));
    }

    /// <summary>
    /// A reader whose cookies the test holds by hand, so that each post can carry any reader cookie
    /// (or none) and come from any address; it keeps only the antiforgery cookie and token.
    /// </summary>
    private sealed class HandHeldReader(HttpClient client, string antiforgeryCookie, string token)
    {
        public static async Task<HandHeldReader> StartAsync(BlogFactory factory)
        {
            var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false,
                HandleCookies = false,
            });
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BlogFactory.BrowserUserAgent);
            using var response = await client.GetAsync("/antiforgery/token");
            var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            return new HandHeldReader(client, cookie, json.GetProperty("token").GetString()!);
        }

        public async Task<HttpResponseMessage> HeartAsync(bool hearted, string? readerCookie, string peer, bool json = true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/articles/{Slug}/heart")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Hearted"] = hearted ? "true" : "false",
                }),
            };
            request.Headers.Add("Cookie", readerCookie is null ? antiforgeryCookie : $"{antiforgeryCookie}; blog_reader={readerCookie}");
            request.Headers.Add(TestPeer.Header, peer);
            if (json)
            {
                request.Headers.Accept.ParseAdd("application/json");
            }

            return await client.SendAsync(request);
        }
    }
}
