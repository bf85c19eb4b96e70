using AngleSharp.Html.Parser;
using BlogSite.Content;

namespace BlogSite.Tests.Content;

public sealed class CommentRendererTests : IDisposable
{
    private readonly CommentRenderer renderer = new();

    public void Dispose() => renderer.Dispose();

    [Fact]
    public void Render_CodeBlock_TakesKeyboardFocusToScroll()
    {
        var document = new HtmlParser().ParseDocument(renderer.Render("Try:\n\n```\nsome very long line\n```\n"));

        var pre = Assert.Single(document.QuerySelectorAll("pre"));
        Assert.Equal("0", pre.GetAttribute("tabindex"));
    }
}
