using System.Net;
using BlogSite.Import;

using static BlogSite.IntegrationTests.Import.ImportRun;

namespace BlogSite.IntegrationTests.Import;

/// <summary>`import wordpress FILE --media UPLOADS` and the images of `import folder`: stored as uploads are, and served from /media.</summary>
public sealed class MediaImportCliTests
{
    [Fact]
    public async Task WordPressWithMedia_TheArticleShowsTheStoredImage_AndMediaServesIt()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();

        var (code, output, errors) = await RunAsync(factory, "wordpress", Fixture("wordpress-hedgerow.xml"), "--media", Fixture("wordpress-uploads"));

        Assert.True(code == ImportCli.Done, errors);
        Assert.Contains("1 image stored", output, StringComparison.Ordinal);
        var page = await BlogFactory.ParseAsync(await client.GetAsync("/articles/first-frost"));
        var src = page.QuerySelector(".article__body img")!.GetAttribute("src")!;
        Assert.Matches("^/media/[0-9a-f]{32}\\.jpg$", src);
        var image = await client.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Fixture("wordpress-uploads/2019/05/frost.jpg")), await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Folder_ImagesAreStored_AndTheMissingOrRefusedAreNamedInTheReport()
    {
        using var factory = new BlogFactory();
        var client = factory.CreateReaderClient();

        var (code, output, errors) = await RunAsync(factory, "folder", Fixture("hugo-fenland"));

        Assert.True(code == ImportCli.Done, errors);
        var page = await BlogFactory.ParseAsync(await client.GetAsync("/articles/willow-eel-traps"));
        var src = page.QuerySelector(".article__body img")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(src)).StatusCode);

        var (_, jekyllOutput, _) = await RunAsync(factory, "folder", Fixture("jekyll-harbour"));
        Assert.Contains("the image /assets/mooring.jpg is not in the media folder", jekyllOutput, StringComparison.Ordinal);
        Assert.Contains("the image assets/knots.png was not stored", jekyllOutput, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles/knots-and-gaps")).StatusCode);
    }

    [Fact]
    public async Task MediaFolderThatIsNotThere_IsRefusedBeforeAnythingIsStored()
    {
        using var factory = new BlogFactory();

        var (code, _, errors) = await RunAsync(factory, "wordpress", Fixture("wordpress-hedgerow.xml"), "--media", Fixture("no-such-uploads"));

        Assert.Equal(ImportCli.Refused, code);
        Assert.Contains("not a folder", errors, StringComparison.Ordinal);
    }
}
