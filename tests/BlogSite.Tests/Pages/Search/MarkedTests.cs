using BlogSite.Pages.Search;

namespace BlogSite.Tests.Pages.Search;

public sealed class MarkedTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a \uE000match\uE001 here", "a <mark>match</mark> here")]
    [InlineData("\uE000one\uE001 and \uE000two\uE001", "<mark>one</mark> and <mark>two</mark>")]
    [InlineData("<img src=x onerror=alert(1)> & \"quotes\"", "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;")]
    [InlineData("\uE000<b>\uE001", "<mark>&lt;b&gt;</mark>")]
    public void Marked_EncodesTextAndMarksMatches(string text, string html) =>
        Assert.Equal(html, SearchQueries.Marked(text).Value);

    [Theory]
    [InlineData("stray \uE001 end", "stray  end")]
    [InlineData("\uE000open \uE000twice", "<mark>open twice</mark>")]
    [InlineData("\uE000never closed", "<mark>never closed</mark>")]
    public void Marked_MarkersInTheArticleItself_StayBalanced(string text, string html) =>
        Assert.Equal(html, SearchQueries.Marked(text).Value);
}
