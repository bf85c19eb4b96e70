using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

using static BlogSite.IntegrationTests.Import.ImportRun;

namespace BlogSite.IntegrationTests.Import;

/// <summary>/admin/import: the same imports as the command line, from an Admin's browser, with the upload's limits.</summary>
public sealed class ImportPageTests
{
    private const string PagePath = "/admin/import";

    /// <summary>Posts the page's form as a browser does: multipart, with the page's own token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string kind = "detect")
    {
        var page = await BlogFactory.ParseAsync(await client.GetAsync(PagePath));
        var token = page.QuerySelector("#import-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(PagePath, form);
    }

    /// <summary>A folder zipped as "Compress" does it: everything under one top-level folder.</summary>
    private static byte[] Zip(string folder)
    {
        var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(folder) + "/" + Path.GetRelativePath(folder, file).Replace('\\', '/'));
            }
        }

        return bytes.ToArray();
    }

    private static Task<int> ArticleCountAsync(BlogFactory factory) => factory.WithDbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task Admin_UploadsAWordPressExport_ArticlesArriveWithTheReport_AndAgainChangesNothing()
    {
        using var factory = new BlogFactory();
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var export = await File.ReadAllBytesAsync(Fixture("wordpress-hedgerow.xml"));

        var response = await UploadAsync(admin, export, "hedgerow.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        Assert.Matches(@"^Imported hedgerow\.xml: 7 articles imported, 0 already here, \d+ comments, \d+ skipped\.$", page.QuerySelector("#import-report")!.TextContent.Trim());
        Assert.Contains("pages are not imported.", page.QuerySelector(".import-report")!.TextContent, StringComparison.Ordinal);
        var article = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/articles/first-frost"));
        Assert.Equal("First frost on the lane", article.QuerySelector("h1")!.TextContent.Trim());

        var count = await ArticleCountAsync(factory);
        var again = await BlogFactory.ParseAsync(await UploadAsync(admin, export, "hedgerow.xml"));
        Assert.StartsWith("Imported hedgerow.xml: 0 articles imported, 7 already here", again.QuerySelector("#import-report")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(count, await ArticleCountAsync(factory));
    }

    [Fact]
    public async Task Admin_UploadsAZippedHugoSite_PostsAndTheirImagesArrive()
    {
        using var factory = new BlogFactory();
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var reader = factory.CreateReaderClient();
        var leftOver = Directory.GetFileSystemEntries(Path.GetTempPath(), "blogsite-import-*");

        var response = await UploadAsync(admin, Zip(Fixture("hugo-fenland")), "fenland.zip");

        var page = await BlogFactory.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^Imported fenland\.zip: [1-9]\d* articles? imported, .*, [1-9]\d* images? stored\.$", page.QuerySelector("#import-report")!.TextContent.Trim());
        var article = await BlogFactory.ParseAsync(await reader.GetAsync("/articles/willow-eel-traps"));
        var src = article.QuerySelector(".article__body img")!.GetAttribute("src")!;
        Assert.Matches("^/media/[0-9a-f]{32}\\.", src);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(src)).StatusCode);
        Assert.Equal(leftOver, Directory.GetFileSystemEntries(Path.GetTempPath(), "blogsite-import-*"));
    }

    [Fact]
    public async Task BrokenExport_422WithThePlaceAtFault_TheKindKept_AndNothingStored()
    {
        using var factory = new BlogFactory();
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var before = await ArticleCountAsync(factory);
        var broken = """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
            <item><title>Cut off
            """u8.ToArray();

        var response = await UploadAsync(admin, broken, "cut.txt", kind: "wordpress");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        var error = page.QuerySelector(".form__errors")!.TextContent;
        Assert.Contains("cut.txt is not a WordPress export BlogSite can read: line", error, StringComparison.Ordinal);
        Assert.Contains("No article was imported.", error, StringComparison.Ordinal);
        Assert.Equal("wordpress", page.QuerySelector("select[name='Kind'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(before, await ArticleCountAsync(factory));
    }

    [Fact]
    public async Task UnknownFileOrUnsafeZip_422_NothingStored()
    {
        using var factory = new BlogFactory();
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var before = await ArticleCountAsync(factory);
        var unsafeZip = new MemoryStream();
        using (var zip = new ZipArchive(unsafeZip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await zip.CreateEntry("../_posts/2020-01-01-escape.md").OpenAsync();
            await entry.WriteAsync("---\ntitle: Escape\n---\nOut of the folder.\n"u8.ToArray());
        }

        var unknown = await UploadAsync(admin, "just words"u8.ToArray(), "notes.txt");
        var escaping = await UploadAsync(admin, unsafeZip.ToArray(), "site.zip");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("not a file BlogSite can tell the kind of", (await BlogFactory.ParseAsync(unknown)).QuerySelector(".form__errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, escaping.StatusCode);
        Assert.Contains("not a plain relative path", (await BlogFactory.ParseAsync(escaping)).QuerySelector(".form__errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ArticleCountAsync(factory));
    }

    [Fact]
    public async Task UploadOverTheLimit_413WithAReadablePage()
    {
        using var factory = new BlogFactory();
        factory.Settings["Import:MaxUploadBytes"] = "20000";
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var response = await UploadAsync(admin, new byte[200_000], "big.xml");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", (await response.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("At most 20 KB", (await BlogFactory.ParseAsync(await admin.GetAsync(PagePath))).QuerySelector("#file-hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAnAdmin_MayImport()
    {
        using var factory = new BlogFactory();
        var author = await factory.SignedInClientAsync(Roles.Author);

        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(PagePath)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await author.PostAsync(PagePath, new MultipartFormDataContent())).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await factory.CreateReaderClient().PostAsync(PagePath, new MultipartFormDataContent())).StatusCode);
    }
}
