using BlogSite.Import;
using BlogSite.Media;
using BlogSite.Tests.Support;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Import;

public sealed class ImportMediaTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures");

    private readonly string root = Directory.CreateTempSubdirectory("blogsite-import-media-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private ImportMedia Media() =>
        new(new ImageStore(Options.Create(new MediaOptions { Path = "media", MaxImageBytes = 100_000 }), new FakeHostEnvironment(root)));

    private string[] FilesKept() => Directory.Exists(Path.Combine(root, "media")) ? Directory.GetFiles(Path.Combine(root, "media")) : [];

    private static ImportedArticle Article(string sourceId, string body, string? feature = null) => new(
        sourceId, "A post", "a-post", "", null, [], false, null, null, "Someone", null, body, ImportedBodyFormat.Markdown, [], [], feature);

    private async Task<ImportedMediaResult> StoreFolderAsync(string folder, params ImportedArticle[] articles) =>
        await Media().StoreAsync("folder", new ImportedSite(articles, []), MediaFolder.StaticSite(folder), CancellationToken.None);

    private static string Notes(ImportedMediaResult result) => string.Join(" | ", result.Site.Skipped.Select(s => s.Why));

    [Fact]
    public async Task WordPress_ResizedVariantMissing_MapsToTheOriginal_LinkAndImageBothRewritten_FeatureImageShownOnce()
    {
        await using var file = File.OpenRead(Path.Combine(Fixtures, "wordpress-hedgerow.xml"));
        var site = await WordPressExport.ReadAsync(file, CancellationToken.None);

        var result = await Media().StoreAsync("wordpress", site, MediaFolder.WordPressUploads(Path.Combine(Fixtures, "wordpress-uploads")), CancellationToken.None);

        var post = Assert.Single(result.Site.Articles, a => a.SourceId == "101");
        Assert.Equal(ImportedBodyFormat.Markdown, post.BodyFormat);
        Assert.DoesNotContain("hedgerow.example/wp-content", post.Body, StringComparison.Ordinal);
        var urls = System.Text.RegularExpressions.Regex.Matches(post.Body, @"/media/[0-9a-f]{32}\.jpg").Select(m => m.Value).ToList();
        Assert.Equal(2, urls.Count);
        Assert.Single(urls.Distinct());
        Assert.Contains($"[![Frost on bean leaves]({urls[0]})]({urls[0]})", post.Body, StringComparison.Ordinal);
        // Its feature image (frost.jpg) is already in the body, so it is not put on top again.
        Assert.DoesNotContain(result.Site.Skipped, s => s.Why.Contains("feature image", StringComparison.Ordinal));
        Assert.Equal(1, result.ImagesStored);
        Assert.Single(FilesKept());
    }

    [Fact]
    public async Task FeatureImage_NotInTheBody_GoesOnTop_WithANote()
    {
        var result = await StoreFolderAsync(Path.Combine(Fixtures, "hugo-fenland"),
            Article("content/posts/a.md", "Words.\n", feature: "/images/reeds.jpg"));

        Assert.Matches(@"^!\[A post\]\(/media/[0-9a-f]{32}\.jpg\)\n\nWords\.\n$", Assert.Single(result.Site.Articles).Body);
        Assert.Contains("feature image is at the top", Notes(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_MissingImage_IsANote_TheArticleKeepsItsAddress()
    {
        var result = await StoreFolderAsync(Path.Combine(Fixtures, "jekyll-harbour"),
            Article("_posts/a.md", "Gone: ![Mooring](/assets/mooring.jpg)\n"));

        Assert.Equal("Gone: ![Mooring](/assets/mooring.jpg)\n", Assert.Single(result.Site.Articles).Body);
        Assert.Contains("/assets/mooring.jpg is not in the media folder", Notes(result), StringComparison.Ordinal);
        Assert.Empty(FilesKept());
    }

    [Fact]
    public async Task Folder_NonImage_IsRefusedAsAnUploadWouldBe_WithANoteNamingTheFile()
    {
        var result = await StoreFolderAsync(Path.Combine(Fixtures, "jekyll-harbour"),
            Article("_posts/a.md", "![Knot card](/assets/knots.png)\n"));

        Assert.Equal("![Knot card](/assets/knots.png)\n", Assert.Single(result.Site.Articles).Body);
        Assert.Contains("assets/knots.png was not stored: That file is not a PNG, JPEG, GIF or WebP image", Notes(result), StringComparison.Ordinal);
        Assert.Empty(FilesKept());
    }

    [Fact]
    public async Task Folder_SameImageInTwoArticles_IsStoredOnce_AtOneAddress()
    {
        var result = await StoreFolderAsync(Path.Combine(Fixtures, "jekyll-harbour"),
            Article("_posts/a.md", "![Chart](/assets/chart.png)\n"),
            Article("_posts/b.md", "Again ![Chart](../assets/chart.png) and <img src=\"/assets/chart.png\" alt=\"x\">\n"));

        var bodies = result.Site.Articles.Select(a => a.Body).ToList();
        var url = System.Text.RegularExpressions.Regex.Match(bodies[0], @"/media/[0-9a-f]{32}\.png").Value;
        Assert.NotEmpty(url);
        Assert.Equal($"Again ![Chart]({url}) and <img src=\"{url}\" alt=\"x\">\n", bodies[1]);
        Assert.Equal(1, result.ImagesStored);
        Assert.Single(FilesKept());
    }

    [Fact]
    public async Task Folder_PageBundleImage_AndHugoStatic_AreFound()
    {
        var result = await StoreFolderAsync(Path.Combine(Fixtures, "hugo-fenland"),
            Article("content/posts/eel-traps/index.md", "![An eel trap](trap.png)\n"),
            Article("content/posts/dyke-walk.md", "![Reeds](/images/reeds.jpg \"Reed beds\")\n"));

        Assert.Matches(@"^!\[An eel trap\]\(/media/[0-9a-f]{32}\.png\)\n$", result.Site.Articles[0].Body);
        Assert.Matches(@"^!\[Reeds\]\(/media/[0-9a-f]{32}\.jpg ""Reed beds""\)\n$", result.Site.Articles[1].Body);
        Assert.Empty(result.Site.Skipped);
    }

    [Fact]
    public async Task Folder_AddressesOutsideTheFolder_CodeAndOtherSites_AreLeftAlone()
    {
        var folder = Path.Combine(Fixtures, "jekyll-harbour");
        const string body = "![up](../../../../../../etc/hostname)\n\n![far](https://elsewhere.example/a.png)\n\n```\n![code](/assets/chart.png)\n```\n\n`![inline](/assets/chart.png)`\n";

        var result = await StoreFolderAsync(folder, Article("_posts/a.md", body));

        Assert.Equal(body, Assert.Single(result.Site.Articles).Body);
        Assert.Empty(FilesKept());
    }

    [Fact]
    public async Task FeatureImage_AlreadyInTheBody_IsNotAddedTwice()
    {
        var result = await StoreFolderAsync(Path.Combine(Fixtures, "jekyll-harbour"),
            Article("_posts/a.md", "![Chart](/assets/chart.png)\n", feature: "/assets/chart.png"));

        Assert.Matches(@"^!\[Chart\]\(/media/[0-9a-f]{32}\.png\)\n$", Assert.Single(result.Site.Articles).Body);
        Assert.Empty(result.Site.Skipped);
    }

    [Fact]
    public async Task ReferenceDefinitions_AndLinksToImageFiles_AreRewritten()
    {
        var result = await StoreFolderAsync(Path.Combine(Fixtures, "jekyll-harbour"),
            Article("_posts/a.md", "![Chart][c] and [the buoy](/images/buoy.gif) and [a page](/about/)\n\n[c]: /assets/chart.png\n"));

        Assert.Matches(@"^!\[Chart\]\[c\] and \[the buoy\]\(/media/[0-9a-f]{32}\.gif\) and \[a page\]\(/about/\)\n\n\[c\]: /media/[0-9a-f]{32}\.png\n$",
            Assert.Single(result.Site.Articles).Body);
    }

    [Theory]
    [InlineData("https://old.example/wp-content/uploads/2019/05/frost-300x200.jpg", "2019/05/frost-300x200.jpg", "2019/05/frost.jpg")]
    [InlineData("/wp-content/uploads/2019/05/big-scaled.jpg", "2019/05/big-scaled.jpg", "2019/05/big.jpg")]
    [InlineData("https://old.example/wp-content/uploads/2019/05/a%20b.png?w=300", "2019/05/a b.png", null)]
    public void WordPressCandidates_TheFileThenTheOriginalOfAResizedCopy(string url, string first, string? second)
    {
        var folder = MediaFolder.WordPressUploads("/srv/uploads");

        var candidates = folder.Candidates("1", url);

        Assert.Equal(second is null ? [Path.GetFullPath("/srv/uploads/" + first)] : [Path.GetFullPath("/srv/uploads/" + first), Path.GetFullPath("/srv/uploads/" + second)], candidates);
    }

    [Theory]
    [InlineData("https://elsewhere.example/photo.jpg")]
    [InlineData("/wp-content/uploads/../../../etc/passwd")]
    [InlineData("data:image/png;base64,AAAA")]
    public void WordPressCandidates_NoneForOtherSitesOrEscapes(string url) =>
        Assert.Empty(MediaFolder.WordPressUploads("/srv/uploads").Candidates("1", url));

    [Fact]
    public void GhostCandidates_ResizedCopyMapsToTheOriginal() =>
        Assert.Equal([Path.GetFullPath("/srv/images/size/w600/2020/01/a.jpg"), Path.GetFullPath("/srv/images/2020/01/a.jpg")],
            MediaFolder.GhostImages("/srv/images").Candidates("x", "https://blog.example/content/images/size/w600/2020/01/a.jpg"));
}
