using System.Security.Cryptography;
using BlogSite.Media;
using BlogSite.Tests.Support;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Media;

public sealed class ImageStoreTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("blogsite-media-").FullName;

    private ImageStore Store(int maxImageBytes = 5_000_000) =>
        new(Options.Create(new MediaOptions { Path = "media", MaxImageBytes = maxImageBytes }), new FakeHostEnvironment(root));

    private string Folder => Path.Combine(root, "media");

    private string[] FilesKept() => Directory.Exists(Folder) ? Directory.GetFiles(Folder) : [];

    private static Task<ImageUploadResult> SaveAsync(ImageStore store, byte[] bytes) =>
        store.SaveAsync(new MemoryStream(bytes), bytes.Length, CancellationToken.None);

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Folder_RelativePath_UnderTheContentRoot() =>
        Assert.Equal(Folder, Store().Folder);

    [Theory]
    [InlineData("png", ".png")]
    [InlineData("jpeg", ".jpg")]
    [InlineData("gif", ".gif")]
    [InlineData("webp", ".webp")]
    public async Task SaveAsync_Image_StoredUnderItsContentHashWithTheSniffedExtension(string kind, string extension)
    {
        var bytes = TestImages.Named(kind);

        var result = await SaveAsync(Store(), bytes);

        Assert.True(result.Stored);
        var name = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + extension;
        Assert.Equal("/media/" + name, result.Url);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(Folder, name)));
        Assert.Single(FilesKept());
    }

    [Fact]
    public async Task SaveAsync_SameBytesTwice_OneFileAtOneUrl()
    {
        var store = Store();

        var first = await SaveAsync(store, TestImages.Png);
        var second = await SaveAsync(store, TestImages.Png);

        Assert.Equal(first.Url, second.Url);
        Assert.Single(FilesKept());
    }

    [Fact]
    public async Task SaveAsync_DifferentImages_TwoFiles()
    {
        var store = Store();

        var png = await SaveAsync(store, TestImages.Png);
        var gif = await SaveAsync(store, TestImages.Gif);

        Assert.NotEqual(png.Url, gif.Url);
        Assert.Equal(2, FilesKept().Length);
    }

    [Fact]
    public async Task SaveAsync_Svg_RefusedAsSvg_NothingStored()
    {
        var result = await SaveAsync(Store(), TestImages.SvgWithProlog);

        Assert.Equal(ImageRefusal.NotAnImage, result.Refusal);
        Assert.Contains("SVG", result.Message, StringComparison.Ordinal);
        Assert.Contains("PNG, JPEG, GIF or WebP", result.Message, StringComparison.Ordinal);
        Assert.Empty(FilesKept());
    }

    [Fact]
    public async Task SaveAsync_Text_RefusedAsNotAnImage_NothingStored()
    {
        var result = await SaveAsync(Store(), TestImages.Text);

        Assert.Equal(ImageRefusal.NotAnImage, result.Refusal);
        Assert.StartsWith("That file is not a PNG, JPEG, GIF or WebP image", result.Message, StringComparison.Ordinal);
        Assert.Empty(FilesKept());
    }

    [Fact]
    public async Task SaveAsync_Empty_RefusedAsEmpty()
    {
        var result = await SaveAsync(Store(), []);

        Assert.Equal(ImageRefusal.Empty, result.Refusal);
        Assert.Contains("empty", result.Message, StringComparison.Ordinal);
        Assert.Empty(FilesKept());
    }

    [Fact]
    public async Task SaveAsync_DeclaredLengthOverTheLimit_RefusedWithBothSizes_NothingRead()
    {
        var content = new MemoryStream(TestImages.Png);

        var result = await Store(5_000_000).SaveAsync(content, 7_200_000, CancellationToken.None);

        Assert.Equal(ImageRefusal.TooLarge, result.Refusal);
        Assert.StartsWith("That image is 7.2 MB; images can be at most 5 MB.", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, content.Position);
        Assert.Empty(FilesKept());
    }

    [Fact]
    public async Task SaveAsync_MoreBytesThanDeclared_RefusedTooLarge_NoFileLeft()
    {
        byte[] bytes = [.. TestImages.Png, .. new byte[3_000]];

        var result = await Store(2_000).SaveAsync(new MemoryStream(bytes), TestImages.Png.Length, CancellationToken.None);

        Assert.Equal(ImageRefusal.TooLarge, result.Refusal);
        Assert.Empty(FilesKept());
    }

    [Fact]
    public async Task SaveAsync_ReadFailsHalfway_NoFileLeft()
    {
        // Past the first bytes, so the failure comes while the file is being written.
        var content = new FailingStream([.. TestImages.Png, .. new byte[2_000]]);

        await Assert.ThrowsAsync<IOException>(() => Store().SaveAsync(content, 100_000, CancellationToken.None));

        Assert.Empty(FilesKept());
    }

    [Theory]
    [InlineData(7_200_000, "7.2 MB")]
    [InlineData(5_000_000, "5 MB")]
    [InlineData(640_000, "640 KB")]
    [InlineData(1_500, "1.5 KB")]
    [InlineData(999, "999 bytes")]
    public void Size_Bytes_AsPeopleReadThem(long bytes, string expected) =>
        Assert.Equal(expected, ImageStore.Size(bytes));

    /// <summary>Gives its bytes, then fails as a dropped connection does.</summary>
    private sealed class FailingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new IOException("The client went away.");
    }
}
