using System.Net;
using BlogSite.Import;
using Microsoft.EntityFrameworkCore;

using static BlogSite.IntegrationTests.Import.ImportRun;

namespace BlogSite.IntegrationTests.Import;

/// <summary>`import folder DIR`, run in-process against the app's real store, with the Jekyll and Hugo folders the unit tests read.</summary>
public sealed class FolderImportCliTests
{
    [Fact]
    public async Task Jekyll_PostsArrive_OldAddressesAre301s_AndASecondRunChangesNothing()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();

        var (code, output, errors) = await RunAsync(factory, "folder", Fixture("jekyll-harbour"));

        Assert.True(code == ImportCli.Done, errors);
        Assert.Contains("5 articles imported", output, StringComparison.Ordinal);
        Assert.Contains("_posts/mooring-notes.md: ", output, StringComparison.Ordinal);
        var page = await BlogFactory.ParseAsync(await client.GetAsync("/articles/tide-tables"));
        Assert.Equal("Reading tide tables without tears", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".article__body pre"));
        foreach (var (old, slug) in new[]
        {
            ("/sailing/notes/2018/03/04/tide-tables.html", "tide-tables"),
            ("/crossings/night/", "night-crossing"),
            ("/2019/07/night", "night-crossing"),
        })
        {
            var moved = await client.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal($"/articles/{slug}", moved.Headers.Location!.OriginalString);
        }

        // The link written with post_url leads, through the old address, to the other post.
        var link = page.QuerySelector(".article__body a[href='/crossings/night/']");
        Assert.NotNull(link);

        var counts = await CountsAsync(factory);
        var (again, secondOutput, _) = await RunAsync(factory, "folder", Fixture("jekyll-harbour"));
        Assert.Equal(ImportCli.Done, again);
        Assert.Contains(": 0 articles imported, 5 already here", secondOutput, StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync(factory));
    }

    [Fact]
    public async Task Hugo_PostsArrive_AndTheirDefaultAddressesAndAliasesAre301s()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();

        var (code, _, errors) = await RunAsync(factory, "folder", Fixture("hugo-fenland"));

        Assert.True(code == ImportCli.Done, errors);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles/willow-eel-traps")).StatusCode);
        foreach (var (old, slug) in new[]
        {
            ("/posts/dyke-walk/", "dyke-walk"),
            ("/2021/04/dyke-walk/", "dyke-walk"),
            ("/posts/old-dyke", "dyke-walk"),
            ("/posts/willow-eel-traps/", "willow-eel-traps"),
            ("/post/old-section/", "old-section"),
        })
        {
            var moved = await client.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal($"/articles/{slug}", moved.Headers.Location!.OriginalString);
        }

        var draft = await factory.WithDbAsync(db => db.Articles.IgnoreQueryFilters().SingleAsync(a => a.ImportedFrom == "folder:content/posts/washes-in-winter.md"));
        Assert.Equal(Domain.ArticleStatus.Draft, draft.Status);
    }

    [Fact]
    public async Task MissingFolder_IsRefused_AndFolderOfNoPosts_IsRefusedNamingIt()
    {
        using var factory = new BlogFactory();
        var empty = Directory.CreateTempSubdirectory("blogsite-empty-").FullName;
        try
        {
            Assert.Equal(ImportCli.Refused, (await RunAsync(factory, "folder", Path.Combine(empty, "nope"))).Code);
            var (code, _, errors) = await RunAsync(factory, "folder", empty);
            Assert.Equal(ImportCli.Refused, code);
            Assert.Contains("no posts found", errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static Task<(int Articles, int Aliases)> CountsAsync(BlogFactory factory) =>
        factory.WithDbAsync(async db => (await db.Articles.IgnoreQueryFilters().CountAsync(), await db.ArticleAliases.CountAsync()));
}
