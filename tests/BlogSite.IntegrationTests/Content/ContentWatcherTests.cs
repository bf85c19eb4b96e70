using System.Net;

namespace BlogSite.IntegrationTests.Content;

public sealed class ContentWatcherTests
{
    [Fact]
    public async Task EditedFile_ShowsOnTheSite_WithoutRestart()
    {
        using var factory = new BlogFactory();
        factory.Settings["Content:WatchForChanges"] = "true";
        var client = factory.CreateReaderClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/written-while-running")).StatusCode);

        await File.WriteAllTextAsync(Path.Combine(factory.ContentFolder, "written-while-running.md"),
            "---\ntitle: Written while running\ncategory: Notes\ndate: 2026-11-20\n---\nHello from a new file.\n");

        var status = HttpStatusCode.NotFound;
        for (var attempt = 0; attempt < 50 && status != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(200);
            status = (await client.GetAsync("/articles/written-while-running")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        var home = await BlogFactory.ParseAsync(await client.GetAsync("/"));
        Assert.Contains("Written while running", home.QuerySelector(".card__title")!.TextContent, StringComparison.Ordinal);
    }
}
