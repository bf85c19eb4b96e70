using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BlogSite.IntegrationTests.Web;

public sealed class SecurityHeadersTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles/reading-go-stack-traces")]
    [InlineData("/articles/no-such-article")]
    [InlineData("/categories/tech")]
    public async Task EveryPage_CarriesSecurityHeaders(string path)
    {
        var response = await factory.CreateReaderClient().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

        Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Https_OutsideDevelopment_SendsHsts()
    {
        // Its own site: HSTS is never sent for localhost, the shared factory's host.
        using var site = new BlogFactory();
        site.Settings["Site:BaseUrl"] = "https://blog.example";
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://blog.example") });
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        foreach (var path in new[] { "/", "/articles/reading-go-stack-traces", "/tags/go", "/error/500" })
        {
            var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync(path));
            Assert.Empty(page.QuerySelectorAll(XssSample.InlineScript));
            Assert.Empty(page.QuerySelectorAll("[style]"));
        }
    }

    [Fact]
    public async Task ErrorPage_ShowsNoStackTrace()
    {
        var response = await factory.CreateReaderClient().GetAsync("/error/500");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong on our side", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }
}
