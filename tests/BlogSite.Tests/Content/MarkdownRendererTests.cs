using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BlogSite.Content;
using BlogSite.Tests.Support;

namespace BlogSite.Tests.Content;

public sealed class MarkdownRendererTests : IDisposable
{
    private readonly MarkdownRenderer renderer = Renderers.Create();

    public void Dispose() => renderer.Dispose();

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private IDocument Render(string markdown)
    {
        var result = renderer.RenderArticle(markdown);
        Assert.False(result.Fallback, result.Html);
        return Parse(result.Html);
    }

    [Fact]
    public void RenderArticle_Heading_IdAndHeadingAnchorLink()
    {
        var heading = Assert.Single(Render("## Getting started\n\nText.").QuerySelectorAll("h2"));

        Assert.Equal("getting-started", heading.Id);
        var anchor = Assert.Single(heading.QuerySelectorAll("a.heading-anchor"));
        Assert.Equal("#getting-started", anchor.GetAttribute("href"));
        Assert.StartsWith("Getting started", heading.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderArticle_H3_IdAndHeadingAnchorLink()
    {
        var heading = Assert.Single(Render("### Deeper `code` here").QuerySelectorAll("h3"));

        Assert.Equal("deeper-code-here", heading.Id);
        Assert.Equal("#deeper-code-here", heading.QuerySelector("a.heading-anchor")?.GetAttribute("href"));
    }

    [Fact]
    public void RenderArticle_TwoSubheadings_NoTableOfContents()
    {
        var result = renderer.RenderArticle("## One\n\n### Two\n\nText.");

        Assert.Empty(result.Toc);
    }

    [Fact]
    public void RenderArticle_ThreeSubheadings_TableOfContentsInOrder()
    {
        var result = renderer.RenderArticle("# Title\n\n## One\n\n### Two `code`\n\n#### Four is too deep\n\n## Three\n");

        Assert.Equal(
            [new TocEntry(2, "one", "One"), new TocEntry(3, "two-code", "Two code"), new TocEntry(2, "three", "Three")],
            result.Toc);
    }

    [Theory]
    [InlineData("csharp", "public sealed class Greeter { }", "hl-keyword", "public")]
    [InlineData("go", "func main() {}", "hl-keyword", "func")]
    [InlineData("bash", "echo \"hello\"", "hl-string", "\"hello\"")]
    [InlineData("json", "{\"answer\": 42}", "hl-number", "42")]
    public void RenderArticle_FencedCodeInKnownLanguage_HighlightedSpans(string language, string code, string cssClass, string token)
    {
        var document = Render($"```{language}\n{code}\n```\n");

        var pre = Assert.Single(document.QuerySelectorAll("pre"));
        Assert.Equal(language, pre.GetAttribute("data-lang"));
        var element = Assert.Single(pre.QuerySelectorAll($"code.language-{language}"));
        Assert.Contains(element.QuerySelectorAll($"span.{cssClass}"), span => span.TextContent == token);
        Assert.Equal(code, element.TextContent);
    }

    [Fact]
    public void RenderArticle_FencedCodeInUnknownLanguage_PlainAndEscaped()
    {
        const string Code = "<b onclick=\"x()\">bold</b> & <script>alert(1)</script>";

        var document = Render($"```cobolx\n{Code}\n```\n");

        var code = Assert.Single(document.QuerySelectorAll("pre > code"));
        Assert.Empty(code.QuerySelectorAll("*"));
        Assert.Equal(Code + "\n", code.TextContent);
    }

    [Fact]
    public void RenderArticle_FencedCodeWithoutLanguage_PlainAndEscaped()
    {
        var code = Assert.Single(Render("```\nif (a < b && c > d) {}\n```\n").QuerySelectorAll("pre > code"));

        Assert.Empty(code.QuerySelectorAll("*"));
        Assert.Equal("if (a < b && c > d) {}\n", code.TextContent);
    }

    [Fact]
    public void RenderArticle_HtmlInsideHighlightedCode_Escaped()
    {
        var code = Assert.Single(Render("```csharp\nvar s = \"<img src=x onerror=alert(1)>\";\n```\n").QuerySelectorAll("code"));

        Assert.Empty(code.QuerySelectorAll("img"));
        Assert.Contains("<img src=x onerror=alert(1)>", code.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderArticle_Footnote_ReferenceAndNoteLinkedBothWays()
    {
        var document = Render("A claim.[^1]\n\n[^1]: The source.\n");

        var reference = Assert.Single(document.QuerySelectorAll("a.footnote-ref"));
        var target = reference.GetAttribute("href")!;
        Assert.StartsWith("#", target, StringComparison.Ordinal);
        var note = document.GetElementById(target[1..]);
        Assert.NotNull(note);
        Assert.Contains("The source.", note.TextContent, StringComparison.Ordinal);
        var back = Assert.Single(note.QuerySelectorAll("a.footnote-back-ref"));
        Assert.Equal("#" + reference.Id, back.GetAttribute("href"));
    }

    [Fact]
    public void RenderArticle_PipeTable_Table()
    {
        var table = Assert.Single(Render("| Name | Count |\n|------|------:|\n| go   | 2     |\n| rust | 3     |\n").QuerySelectorAll("table"));

        Assert.Equal(["Name", "Count"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["go", "2", "rust", "3"], table.QuerySelectorAll("tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void RenderArticle_CodeBlocksAndTables_TakeKeyboardFocusToScroll()
    {
        var document = Render("```go\nfunc main() {}\n```\n\n```\nplain\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        var scrollers = document.QuerySelectorAll("pre, table");
        Assert.Equal(3, scrollers.Length);
        Assert.All(scrollers, element => Assert.Equal("0", element.GetAttribute("tabindex")));
    }

    [Fact]
    public void RenderArticle_Images_SourceAltAndTitleKept()
    {
        var images = Render("![A chart](https://example.com/chart.png \"Throughput\") and ![Pipeline](/images/ci-pipeline.svg)").QuerySelectorAll("img");

        Assert.Equal(2, images.Length);
        Assert.Equal("https://example.com/chart.png", images[0].GetAttribute("src"));
        Assert.Equal("A chart", images[0].GetAttribute("alt"));
        Assert.Equal("Throughput", images[0].GetAttribute("title"));
        Assert.Equal("/images/ci-pipeline.svg", images[1].GetAttribute("src"));
    }

    [Fact]
    public void RenderArticle_TaskList_DisabledCheckboxes()
    {
        var boxes = Render("- [x] done\n- [ ] todo\n").QuerySelectorAll("input");

        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, box => Assert.Equal("checkbox", box.GetAttribute("type")));
        Assert.All(boxes, box => Assert.True(box.HasAttribute("disabled")));
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.False(boxes[1].HasAttribute("checked"));
    }

    [Fact]
    public void RenderArticle_RawHtml_EscapedAsText()
    {
        var document = Render("<div class=\"box\">Hi <b>there</b></div>\n\nAnd <span>inline</span>.");

        Assert.Empty(document.Body!.QuerySelectorAll("div, b, span"));
        Assert.Contains("<div class=\"box\">Hi <b>there</b></div>", document.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderArticle_InlineDepthBomb_FallbackWithNotice()
    {
        // Markdig parses "[" x 10000 but its HTML renderer then refuses the depth.
        var result = renderer.RenderArticle(new string('[', 10_000));

        Assert.True(result.Fallback);
        Assert.Contains("nested too deeply", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderArticle_BlockDepthBomb_FallbackWithEscapedSource()
    {
        var markdown = new string('>', 10_000) + " <b>a</b>";

        var result = renderer.RenderArticle(markdown);

        Assert.True(result.Fallback);
        var document = Parse(result.Html);
        Assert.Contains("nested too deeply", document.QuerySelector("p.render-fallback")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(markdown, document.QuerySelector("pre.render-fallback-source")?.TextContent);
        Assert.Empty(document.Body!.QuerySelectorAll("b, blockquote"));
    }

    [Fact]
    public async Task RenderArticleAsync_SameContentHash_RenderedOnce()
    {
        const string Markdown = "## Hello\n\nWorld";

        var first = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf(Markdown), Markdown, CancellationToken.None);
        var second = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf(Markdown), Markdown, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Contains("<h2 id=\"hello\">", first.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderArticleAsync_DifferentContentHash_RenderedAgain()
    {
        var first = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf("One"), "One", CancellationToken.None);
        var second = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf("Two"), "Two", CancellationToken.None);

        Assert.Contains("One", first.Html, StringComparison.Ordinal);
        Assert.Contains("Two", second.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello world", 2)]
    [InlineData("# Title\n\nTwo words.", 3)]
    [InlineData("**Bold** and _italic_ text", 4)]
    [InlineData("[click here](https://example.com/a/b/c/d/e)", 2)]
    [InlineData("Run `dotnet test` now", 4)]
    [InlineData("```\nint x = 1;\n```", 3)]
    [InlineData("don't stop-believing", 2)]
    [InlineData("- one\n- two\n- three", 3)]
    [InlineData("---\n\n***\n\n| | |\n|-|-|", 0)]
    public void ReadText_Markdown_WordsAReaderReads(string markdown, int words) =>
        Assert.Equal(words, renderer.ReadText(markdown).Words);

    [Fact]
    public void ReadText_LongArticle_EveryWord()
    {
        var paragraphs = Enumerable.Range(0, 23).Select(_ => string.Join(' ', Enumerable.Repeat("word", 20)));

        Assert.Equal(1 + 460, renderer.ReadText("## Heading\n\n" + string.Join("\n\n", paragraphs)).Words);
    }

    [Theory]
    [InlineData("# Title\n\nTwo **bold** words.", "Title\nTwo bold words.")]
    [InlineData("A line\nbroken softly", "A line broken softly")]
    [InlineData("[click here](https://example.com/secret-path)", "click here")]
    [InlineData("Run `dotnet test` now\n\n```\nint x = 1;\n```", "Run dotnet test now\nint x = 1;")]
    [InlineData("- one\n- two", "one\ntwo")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    public void ReadText_Markdown_PlainTextWithoutSyntax(string markdown, string plain) =>
        Assert.Equal(plain, renderer.ReadText(markdown).Plain);
}
