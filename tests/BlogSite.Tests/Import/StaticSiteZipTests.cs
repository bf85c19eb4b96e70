using System.IO.Compression;
using BlogSite.Import;

namespace BlogSite.Tests.Import;

public sealed class StaticSiteZipTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"static-site-zip-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static MemoryStream Zip(params string[] names)
    {
        var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write("---\ntitle: A post\n---\nText.\n"u8);
            }
        }

        bytes.Position = 0;
        return bytes;
    }

    [Fact]
    public async Task ExtractAsync_OneTopLevelFolder_IsTheSite_AndHiddenFoldersAreLeftOut()
    {
        var site = await StaticSiteZip.ExtractAsync(Zip("harbour/_posts/2020-01-01-a.md", "harbour/.git/config", "harbour/assets/"), folder, CancellationToken.None);

        Assert.Equal(Path.Combine(folder, "harbour"), site);
        Assert.True(File.Exists(Path.Combine(site, "_posts", "2020-01-01-a.md")));
        Assert.False(Directory.Exists(Path.Combine(site, ".git")));
    }

    [Fact]
    public async Task ExtractAsync_FilesAtTheTop_TheFolderItselfIsTheSite()
    {
        var site = await StaticSiteZip.ExtractAsync(Zip("_config.yml", "_posts/2020-01-01-a.md"), folder, CancellationToken.None);

        Assert.Equal(Path.GetFullPath(folder), site);
    }

    [Theory]
    [InlineData("../escape.md")]
    [InlineData("/etc/escape.md")]
    [InlineData("posts\\..\\..\\escape.md")]
    public async Task ExtractAsync_NameOutOfTheFolder_RefusesTheZipBeforeWritingAnything(string name)
    {
        var error = await Assert.ThrowsAsync<ImportFormatException>(() => StaticSiteZip.ExtractAsync(Zip("_posts/2020-01-01-a.md", name), folder, CancellationToken.None));

        Assert.Contains(name, error.Where, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task ExtractAsync_SameNameTwiceInAnyCase_Refused()
    {
        var error = await Assert.ThrowsAsync<ImportFormatException>(() => StaticSiteZip.ExtractAsync(Zip("_posts/a.md", "_POSTS/A.md"), folder, CancellationToken.None));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_NotAZip_FormatError()
    {
        var error = await Assert.ThrowsAsync<ImportFormatException>(() => StaticSiteZip.ExtractAsync(new MemoryStream("plain text"u8.ToArray()), folder, CancellationToken.None));

        Assert.Contains("not a zip archive", error.Message, StringComparison.Ordinal);
    }
}
