using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BlogSite.IntegrationTests.Web;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from Network:KnownProxies / KnownNetworks (loopback
/// by default). Partitions of the per-address heart limit show whose address the app took: with two permits a
/// minute, cookie-less heart POSTs answer 400 (no form token) until the address has used them, then 429.
/// </summary>
public sealed class ProxyTests
{
    private const string HeartPath = "/articles/sizing-go-worker-pools/heart";

    private static BlogFactory Factory(params (string Key, string Value)[] settings)
    {
        var factory = new BlogFactory();
        factory.Settings["RateLimits:HeartsPerMinute"] = "2";
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    private static async Task<HttpStatusCode> HeartAsync(HttpClient client, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, HeartPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Hearted"] = "true" }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task ForwardedFor_FromAnUntrustedPeer_IsIgnored_ThePeerIsTheClient()
    {
        using var factory = Factory();
        var client = factory.CreateReaderClient(peer: "203.0.113.9");

        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(client, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(client, "198.51.100.2"));

        // Had the header been believed, this would be a third, fresh address.
        Assert.Equal(HttpStatusCode.TooManyRequests, await HeartAsync(client, "198.51.100.3"));
    }

    [Fact]
    public async Task ForwardedFor_FromTheTrustedProxy_GivesEachClientItsOwnPartition()
    {
        using var factory = Factory();
        var proxy = factory.CreateReaderClient(peer: "127.0.0.1");

        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(proxy, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await HeartAsync(proxy, "198.51.100.1"));

        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(proxy, "198.51.100.2"));
    }

    [Fact]
    public async Task ForwardedFor_WithAddressesTheClientWrote_TakesTheOneTheProxySaw()
    {
        using var factory = Factory();
        var proxy = factory.CreateReaderClient(peer: "127.0.0.1");

        // A proxy that appends: whatever the client put in front of its own address changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(proxy, "10.9.9.1, 198.51.100.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(proxy, "10.9.9.2, 198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await HeartAsync(proxy, "10.9.9.3, 198.51.100.1"));
    }

    [Fact]
    public async Task KnownNetworks_TrustsProxiesInTheNetwork_AndReplacesTheLoopbackDefault()
    {
        using var factory = Factory(("Network:KnownNetworks:0", "10.0.0.0/8"));
        var inside = factory.CreateReaderClient(peer: "10.1.2.3");
        var loopback = factory.CreateReaderClient(peer: "127.0.0.1");

        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(inside, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(inside, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await HeartAsync(inside, "198.51.100.1"));
        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(inside, "198.51.100.2"));

        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(loopback, "198.51.100.5"));
        Assert.Equal(HttpStatusCode.BadRequest, await HeartAsync(loopback, "198.51.100.6"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await HeartAsync(loopback, "198.51.100.7"));
    }

    [Fact]
    public void BadProxySettings_StopStartUp_NamingTheValue()
    {
        using var factory = Factory(("Network:KnownNetworks:0", "10.0.0.0/33"), ("Network:KnownProxies:0", "proxy.local"));

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("10.0.0.0/33", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("proxy.local", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("203.0.113.9", false)]
    public async Task ForwardedProtoHttps_MakesCookiesSecureAndSendsHsts_OnlyFromTheTrustedProxy(string peer, bool trusted)
    {
        using var factory = Factory(("Site:BaseUrl", "https://blog.example.com"));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://blog.example.com"),
            AllowAutoRedirect = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add(TestPeer.Header, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Equal(trusted, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(trusted, response.Headers.TryGetValues("Strict-Transport-Security", out var hsts));
        if (trusted)
        {
            Assert.Equal("max-age=31536000", Assert.Single(hsts!));
        }
    }

    [Fact]
    public async Task Hsts_FollowsItsOptions()
    {
        using var factory = Factory(("Site:BaseUrl", "https://blog.example.com"), ("Network:HstsMaxAgeDays", "30"), ("Network:HstsIncludeSubDomains", "true"));
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://blog.example.com") });

        using var response = await client.GetAsync("/");

        Assert.Equal("max-age=2592000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }
}
