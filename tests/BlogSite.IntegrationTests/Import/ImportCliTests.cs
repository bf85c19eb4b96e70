using System.Net;
using BlogSite.Domain;
using BlogSite.Import;
using Microsoft.EntityFrameworkCore;

using static BlogSite.IntegrationTests.Import.ImportRun;

namespace BlogSite.IntegrationTests.Import;

/// <summary>`import wordpress|ghost FILE`, run in-process against the app's real store, with the export files the unit tests read.</summary>
public sealed class ImportCliTests
{
    [Fact]
    public async Task WordPress_PostsCommentsAndOldAddresses_Arrive_AndASecondRunChangesNothing()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();

        var (code, output, _) = await RunAsync(factory, "wordpress", Fixture("wordpress-hedgerow.xml"));

        Assert.Equal(ImportCli.Done, code);
        Assert.Contains("imported", output, StringComparison.Ordinal);
        var page = await BlogFactory.ParseAsync(await client.GetAsync("/articles/first-frost"));
        Assert.Equal("First frost on the lane", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".article__body pre"));
        Assert.Contains("Marta Quill", page.QuerySelector(".article__header")!.TextContent, StringComparison.Ordinal);
        foreach (var old in new[] { "/2019/05/15/first-frost/", "/?p=101", "/first-frost/" })
        {
            var moved = await client.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal("/articles/first-frost", moved.Headers.Location!.OriginalString);
        }

        var counts = await CountsAsync(factory);
        var (again, secondOutput, _) = await RunAsync(factory, "wordpress", Fixture("wordpress-hedgerow.xml"));
        Assert.Equal(ImportCli.Done, again);
        Assert.StartsWith($"Imported {Fixture("wordpress-hedgerow.xml")}: 0 articles imported", secondOutput, StringComparison.Ordinal);
        Assert.Equal(counts, await CountsAsync(factory));
    }

    [Fact]
    public async Task WordPress_CommentThreads_OneLevelDeep_WithTheirStatus()
    {
        using var factory = new BlogFactory();

        await RunAsync(factory, "wordpress", Fixture("wordpress-hedgerow.xml"));

        var comments = await factory.WithDbAsync(db => db.Comments.AsNoTracking()
            .Where(c => c.Article!.Slug == "first-frost").OrderBy(c => c.CreatedAt)
            .Select(c => new { c.AuthorName, c.Status, c.ParentId, c.Id }).ToListAsync());
        Assert.NotEmpty(comments);
        Assert.All(comments.Where(c => c.ParentId is not null),
            reply => Assert.Null(comments.Single(c => c.Id == reply.ParentId).ParentId));
        Assert.Contains(comments, c => c.Status == CommentStatus.Pending);
        Assert.Contains(comments, c => c.Status == CommentStatus.Spam);
        Assert.Contains(comments, c => c.Status == CommentStatus.Deleted);
    }

    [Fact]
    public async Task Ghost_PostsArrive()
    {
        using var factory = new BlogFactory();

        var (code, output, _) = await RunAsync(factory, "ghost", Fixture("ghost-slackwater.json"));

        Assert.Equal(ImportCli.Done, code);
        Assert.DoesNotContain(": 0 articles imported", output, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.ImportedFrom!.StartsWith("ghost:"))));
    }

    [Fact]
    public async Task MalformedExport_IsRefused_NamingThePlace_AndNothingIsStored()
    {
        using var factory = new BlogFactory();
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.xml");
        var text = await File.ReadAllTextAsync(Fixture("wordpress-hedgerow.xml"));
        await File.WriteAllTextAsync(file, text[..(text.Length / 2)]);
        var before = await CountsAsync(factory);

        var (code, _, errors) = await RunAsync(factory, "wordpress", file);
        File.Delete(file);

        Assert.Equal(ImportCli.Refused, code);
        Assert.Contains("line", errors, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountsAsync(factory));
    }

    [Fact]
    public async Task UnknownKind_PrintsTheUsage() =>
        Assert.Equal(ImportCli.Misuse, (await RunAsync(new BlogFactory(), "blogger", "x.xml")).Code);

    private static Task<(int Articles, int Comments, int Aliases)> CountsAsync(BlogFactory factory) =>
        factory.WithDbAsync(async db => (await db.Articles.IgnoreQueryFilters().CountAsync(), await db.Comments.CountAsync(), await db.ArticleAliases.CountAsync()));
}
