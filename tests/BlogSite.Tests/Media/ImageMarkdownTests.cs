using BlogSite.Media;

namespace BlogSite.Tests.Media;

public sealed class ImageMarkdownTests
{
    [Fact]
    public void For_AltAndUrl_ImageMarkdown() =>
        Assert.Equal("![A heap profile](/media/abc.png)", ImageMarkdown.For("A heap profile", "/media/abc.png"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void For_NoAlt_EmptyBrackets(string? alt) =>
        Assert.Equal("![](/media/abc.png)", ImageMarkdown.For(alt, "/media/abc.png"));

    [Fact]
    public void For_AltWithBracketsAndBackslash_EscapedSoTheLinkCannotEndEarly() =>
        Assert.Equal(@"![a \] b \[c\] d\\](/media/abc.png)", ImageMarkdown.For(@"a ] b [c] d\", "/media/abc.png"));

    [Fact]
    public void For_AltOverSeveralLines_OneLine() =>
        Assert.Equal("![two lines here](/media/abc.png)", ImageMarkdown.For("  two\r\nlines \t here \n", "/media/abc.png"));
}
