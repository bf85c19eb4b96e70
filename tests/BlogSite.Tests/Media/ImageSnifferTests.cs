using BlogSite.Media;

namespace BlogSite.Tests.Media;

public sealed class ImageSnifferTests
{
    [Theory]
    [InlineData("png", ".png", "image/png")]
    [InlineData("jpeg", ".jpg", "image/jpeg")]
    [InlineData("gif", ".gif", "image/gif")]
    [InlineData("webp", ".webp", "image/webp")]
    public void Sniff_AcceptedImage_ReturnsItsKind(string kind, string extension, string contentType)
    {
        var sniffed = ImageSniffer.Sniff(TestImages.Named(kind));

        Assert.NotNull(sniffed);
        Assert.Equal(extension, sniffed.Extension);
        Assert.Equal(contentType, sniffed.ContentType);
    }

    [Fact]
    public void Sniff_Gif87a_ReturnsGif() =>
        Assert.Equal(ImageKind.Gif, ImageSniffer.Sniff("GIF87a\x01\x00\x01\x00"u8));

    [Fact]
    public void Sniff_OnlyTheHeader_IsEnough() =>
        Assert.Equal(ImageKind.WebP, ImageSniffer.Sniff(TestImages.WebP.AsSpan(0, ImageSniffer.HeaderLength)));

    [Fact]
    public void Sniff_Svg_ReturnsNullAndLooksLikeSvg()
    {
        Assert.Null(ImageSniffer.Sniff(TestImages.Svg));
        Assert.Null(ImageSniffer.Sniff(TestImages.SvgWithProlog));
        Assert.True(ImageSniffer.LooksLikeSvg(TestImages.Svg));
        Assert.True(ImageSniffer.LooksLikeSvg(TestImages.SvgWithProlog));
    }

    [Fact]
    public void Sniff_HtmlTextPdfOrWav_ReturnsNull()
    {
        Assert.Null(ImageSniffer.Sniff(TestImages.Html));
        Assert.Null(ImageSniffer.Sniff(TestImages.Text));
        Assert.Null(ImageSniffer.Sniff(TestImages.Pdf));
        Assert.Null(ImageSniffer.Sniff(TestImages.Wav));
        Assert.False(ImageSniffer.LooksLikeSvg(TestImages.Html));
    }

    [Fact]
    public void Sniff_TextThatNamesAFormat_ReturnsNull()
    {
        // A file called photo.gif whose text starts with a format's name, but not its bytes.
        Assert.Null(ImageSniffer.Sniff("GIF89 is the format of photo.gif"u8));
        Assert.Null(ImageSniffer.Sniff("PNG\r\n"u8));
    }

    [Theory]
    [InlineData("png", 7)]
    [InlineData("jpeg", 2)]
    [InlineData("gif", 5)]
    [InlineData("webp", 11)]
    public void Sniff_TruncatedHeader_ReturnsNull(string kind, int length) =>
        Assert.Null(ImageSniffer.Sniff(TestImages.Named(kind).AsSpan(0, length)));

    [Fact]
    public void Sniff_NoBytes_ReturnsNull() =>
        Assert.Null(ImageSniffer.Sniff([]));
}
