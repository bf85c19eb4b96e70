using System.Net;

namespace BlogSite.IntegrationTests.Pages;

/// <summary>Lists offer a bounded number of pages (Lists:MaxPages, one here); older articles are in the archive.</summary>
public sealed class ListBoundTests
{
    [Fact]
    public async Task Home_LongerThanItsPages_PointsToTheArchive_AndAPageBeyondIs404()
    {
        const string path = "/";
        using var factory = new BlogFactory();
        factory.Settings["Lists:MaxPages"] = "1";
        var client = factory.CreateReaderClient();

        var page = await BlogFactory.ParseAsync(await client.GetAsync(path));
        var beyond = await client.GetAsync(path + "?pageNumber=2");

        Assert.Equal(10, page.QuerySelectorAll("article.card").Length);
        Assert.Equal("/archive", page.QuerySelector(".pager a.pager__beyond")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".pager a[rel=next]"));
        Assert.Equal("Page 1 of 1+", page.QuerySelector(".pager__position")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }
}
