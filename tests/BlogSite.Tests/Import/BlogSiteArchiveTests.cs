using System.IO.Compression;
using System.Text;
using BlogSite.Import;

namespace BlogSite.Tests.Import;

public sealed class BlogSiteArchiveTests
{
    private const string Manifest = """
        {"format":"blogsite-export","version":1,"site":"https://old.example","exportedAt":"2026-01-01T00:00:00Z","includesEmails":false,
         "counts":{"articles":1,"comments":1,"users":0,"media":0,"leftInBin":0}}
        """;

    private const string Article = "---\ntitle: \"Hello: world\"\nslug: \"hello\"\ncategory: \"Tech\"\ndraft: false\n---\nBody\n";

    private const string Sidecar = """
        {"id":7,"slug":"hello","createdAt":"2025-01-01T00:00:00Z","updatedAt":"2025-02-01T00:00:00Z","views":12,"hearts":3,
         "oldSlugs":["hi"],"comments":[{"id":1,"authorName":"Reader","body":"Nice","status":"pending","createdAt":"2025-01-02T00:00:00Z","heldReason":"Links"},
         {"id":2,"parentId":1,"authorName":"Other","body":"Yes","status":"spam","createdAt":"2025-01-03T00:00:00Z"}]}
        """;

    private static MemoryStream Zip(params (string Name, byte[] Bytes)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var target = zip.CreateEntry(name).Open();
                target.Write(bytes);
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static (string, byte[]) Text(string name, string text) => (name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task ReadSite_AnExport_GivesArticlesCommentsCountsAndOldSlugs()
    {
        using var stream = Zip(Text("manifest.json", Manifest), Text("articles/hello.md", Article), Text("articles/hello.json", Sidecar));
        using var archive = await BlogSiteArchive.OpenAsync(stream, CancellationToken.None);

        var site = await archive.ReadSiteAsync(CancellationToken.None);

        var article = Assert.Single(site.Articles);
        Assert.Equal("old.example/7", article.SourceId);
        Assert.Equal("Hello: world", article.Title);
        Assert.Equal(ImportedBodyFormat.Markdown, article.BodyFormat);
        Assert.Equal((12L, 3L), (article.Views, article.Hearts));
        Assert.Equal(["hi"], article.OldSlugs);
        Assert.Equal(2, article.Comments.Count);
        Assert.Equal("1", article.Comments[1].ParentSourceId);
        Assert.Equal(BlogSite.Domain.CommentStatus.Pending, article.Comments[0].Status);
        Assert.Equal("Links", article.Comments[0].HeldReason);
        Assert.Equal(DateTimeKind.Utc, article.Comments[0].CreatedAt.Kind);
    }

    [Fact]
    public async Task Open_NotAZip_IsRefused()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("not a zip at all"));

        await Assert.ThrowsAsync<ImportFormatException>(() => BlogSiteArchive.OpenAsync(stream, CancellationToken.None));
    }

    [Fact]
    public async Task Open_NoManifest_IsRefused()
    {
        using var stream = Zip(Text("articles/hello.md", Article));

        var ex = await Assert.ThrowsAsync<ImportFormatException>(() => BlogSiteArchive.OpenAsync(stream, CancellationToken.None));
        Assert.Contains("manifest.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape.md")]
    [InlineData("media/../../etc/passwd")]
    [InlineData("/absolute.png")]
    [InlineData("media\\windows.png")]
    [InlineData("C:/drive.png")]
    public async Task Open_UnsafeEntryName_IsRefusedNamingIt(string name)
    {
        using var stream = Zip(Text("manifest.json", Manifest), Text(name, "x"));

        var ex = await Assert.ThrowsAsync<ImportFormatException>(() => BlogSiteArchive.OpenAsync(stream, CancellationToken.None));
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ZipBomb_IsRefusedNamingTheEntry()
    {
        // Zeros deflate about a thousand to one: a few kilobytes in the zip, past the Markdown limit inflated.
        using var stream = Zip(Text("manifest.json", Manifest), ("articles/bomb.md", new byte[(int)BlogSiteArchive.MaxMarkdownBytes + 1]));

        var ex = await Assert.ThrowsAsync<ImportFormatException>(() => BlogSiteArchive.OpenAsync(stream, CancellationToken.None));
        Assert.Contains("articles/bomb.md", ex.Message, StringComparison.Ordinal);
        Assert.True(stream.Length < 100_000);
    }

    [Fact]
    public async Task Open_ANewerVersion_IsRefused()
    {
        using var stream = Zip(Text("manifest.json", Manifest.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)));

        var ex = await Assert.ThrowsAsync<ImportFormatException>(() => BlogSiteArchive.OpenAsync(stream, CancellationToken.None));
        Assert.Contains("version 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadSite_SidecarMissingAField_IsRefusedNamingTheFile()
    {
        using var stream = Zip(Text("manifest.json", Manifest), Text("articles/hello.md", Article),
            Text("articles/hello.json", Sidecar.Replace("\"views\":12,", "", StringComparison.Ordinal)));
        using var archive = await BlogSiteArchive.OpenAsync(stream, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ImportFormatException>(() => archive.ReadSiteAsync(CancellationToken.None));
        Assert.Contains("articles/hello.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyMedia_CopiesImages_SkipsOthersAndIdenticalFiles()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5 };
        var folder = Directory.CreateTempSubdirectory("blogsite-media-").FullName;
        try
        {
            using var stream = Zip(Text("manifest.json", Manifest), ("media/abc.png", png), Text("media/fake.png", "<svg onload=x>"),
                Text("media/notes.txt", "text"), ("media/sub/deeper.png", png));
            using var archive = await BlogSiteArchive.OpenAsync(stream, CancellationToken.None);

            var first = await archive.CopyMediaAsync(folder, 1_000_000, CancellationToken.None);
            var second = await archive.CopyMediaAsync(folder, 1_000_000, CancellationToken.None);

            Assert.Equal(2, first.Copied);
            Assert.Equal(2, first.Skipped.Count);
            Assert.Equal(png, await File.ReadAllBytesAsync(Path.Combine(folder, "sub", "deeper.png")));
            Assert.False(File.Exists(Path.Combine(folder, "fake.png")));
            Assert.Equal((0, 2), (second.Copied, second.AlreadyHere));
            Assert.Empty(Directory.EnumerateFiles(folder, ".*", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
