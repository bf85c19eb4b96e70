using BlogSite.Pages.Search;

namespace BlogSite.Tests.Pages.Search;

public sealed class MarkedTests
{
    private static TextPart Plain(string text) => new(text, IsMatch: false);

    private static TextPart Match(string text) => new(text, IsMatch: true);

    [Fact]
    public void Marked_NoMarkers_IsOnePlainRun() =>
        Assert.Equal([Plain("plain text")], SearchQueries.Marked("plain text"));

    [Fact]
    public void Marked_SplitsAtTheMarkers() =>
        Assert.Equal([Plain("a "), Match("match"), Plain(" here")], SearchQueries.Marked("a \uE000match\uE001 here"));

    [Fact]
    public void Marked_SeveralMatches() =>
        Assert.Equal([Match("one"), Plain(" and "), Match("two")], SearchQueries.Marked("\uE000one\uE001 and \uE000two\uE001"));

    // Markup in an article stays text in the runs; the page encodes every run (see the search integration tests).
    [Theory]
    [InlineData("<img src=x onerror=alert(1)> & \"quotes\"")]
    [InlineData("</mark><script>alert(1)</script>")]
    public void Marked_KeepsMarkupAsText(string text) =>
        Assert.Equal([Plain(text)], SearchQueries.Marked(text));

    [Fact]
    public void Marked_MatchedMarkup_IsText() =>
        Assert.Equal([Match("<b>")], SearchQueries.Marked("\uE000<b>\uE001"));

    [Theory]
    [InlineData("stray \uE001 end", "stray  end", false)]
    [InlineData("\uE000open \uE000twice", "open twice", true)]
    [InlineData("\uE000never closed", "never closed", true)]
    public void Marked_MarkersInTheArticleItself_StayBalanced(string text, string run, bool isMatch) =>
        Assert.Equal([new TextPart(run, isMatch)], SearchQueries.Marked(text));
}
