using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Pages.Search;

/// <summary>Kestrel's own limits, on a real port: a crafted long search link reaches the page.</summary>
public sealed class SearchOnKestrelTests
{
    [Fact]
    public async Task TenThousandCharacterQuery_GetsThePagesAnswer_NotA414()
    {
        using var factory = new BlogFactory();
        factory.Settings["AllowedHosts"] = "127.0.0.1";
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(new string('é', 10_000)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10,000 characters long", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
