using AngleSharp.Html.Parser;
using BlogSite.Content;
using BlogSite.Tests.Support;

namespace BlogSite.Tests.Content;

public sealed class CommentRendererTests : IDisposable
{
    private readonly CommentRenderer renderer = Renderers.Comments();

    public void Dispose() => renderer.Dispose();

    [Fact]
    public void Render_CodeBlock_TakesKeyboardFocusToScroll()
    {
        var document = new HtmlParser().ParseDocument(renderer.Render("Try:\n\n```\nsome very long line\n```\n"));

        var pre = Assert.Single(document.QuerySelectorAll("pre"));
        Assert.Equal("0", pre.GetAttribute("tabindex"));
    }

    [Fact]
    public async Task RenderAsync_OneReferenceUsedThousandsOfTimes_TooLarge_WithTheTextAsPlainText()
    {
        var markdown = "[r]: https://example.com/" + new string('a', 200) + "\n\n" + PathologicalMarkdown.Repeat("[r] ", 2_000);

        var rendered = await renderer.RenderAsync(markdown, CancellationToken.None);

        Assert.Equal(RenderFailure.TooLarge, rendered.Failure);
        var body = new HtmlParser().ParseDocument(rendered.Html).Body!;
        Assert.Equal(markdown, body.QuerySelector("p.comment__plain")!.TextContent);
        Assert.Empty(body.QuerySelectorAll("a"));
    }

    [Theory]
    [InlineData("B2 10000 [")]
    [InlineData("B1 10000 nested >")]
    public async Task RenderAsync_DepthBomb_TooDeep(string shape)
    {
        // Markdig takes most of a second to refuse these; on a busy machine the 1 s time limit would answer first.
        using var patient = Renderers.Comments(new RenderingOptions { CommentTimeLimitMilliseconds = 30_000 });

        var rendered = await patient.RenderAsync(PathologicalMarkdown.Shapes[shape](), CancellationToken.None);

        Assert.Equal(RenderFailure.TooDeep, rendered.Failure);
    }

    [Fact]
    public async Task RenderAsync_OrdinaryComment_Formatted()
    {
        var rendered = await renderer.RenderAsync("Some **bold** words", CancellationToken.None);

        Assert.Null(rendered.Failure);
        Assert.Equal("<p>Some <strong>bold</strong> words</p>", rendered.Html.Trim());
    }
}
