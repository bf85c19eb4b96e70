using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using BlogSite.Content;
using BlogSite.Tests.Support;
using Xunit.Abstractions;

namespace BlogSite.Tests.Content;

/// <summary>Runs alone, after the parallel tests, so that its timings are not other tests' CPU.</summary>
[CollectionDefinition(nameof(TimingSensitive), DisableParallelization = true)]
public sealed class TimingSensitive;

/// <summary>
/// shared/testdata/pathological-markdown.md, sections A and B: every shape gets an answer within the
/// renderer's time limit (rendered, or its source with a notice), and nothing throws.
/// </summary>
[Collection(nameof(TimingSensitive))]
[TestCaseOrderer(SlowShapesLastOrderer.TypeName, SlowShapesLastOrderer.AssemblyName)]
public sealed class MarkdownRendererPathologicalTests(ITestOutputHelper output)
{
    // The production default of RenderingOptions.TimeLimitSeconds.
    private const int TimeLimitSeconds = 5;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(TimeLimitSeconds + 3);

    private static readonly string[] Notices =
    [
        "This article is nested too deeply to format, so here is its source text.",
        "This article is taking too long to format, so here is its source text.",
    ];

    public static TheoryData<string> Shapes() => new(PathologicalMarkdown.Shapes.Keys);

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task RenderArticleAsync_PathologicalShape_AnswersWithinTimeLimit(string shape)
    {
        var markdown = PathologicalMarkdown.Shapes[shape]();
        var hash = MarkdownRenderer.HashOf(markdown);
        using var renderer = Renderers.Create(TimeLimitSeconds);

        var watch = Stopwatch.StartNew();
        var result = await renderer.RenderArticleAsync(hash, markdown, CancellationToken.None);
        watch.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{shape}: {markdown.Length:N0} chars, answered in {watch.Elapsed.TotalSeconds:F2} s, fallback={result.Fallback}, {result.Html.Length:N0} chars of HTML; pool threads {ThreadPool.ThreadCount}, pending {ThreadPool.PendingWorkItemCount}"));
        Assert.True(watch.Elapsed < Bound, $"{shape} took {watch.Elapsed.TotalSeconds:F1} s, over the {Bound.TotalSeconds} s bound");

        var document = new HtmlParser().ParseDocument(result.Html);
        if (result.Fallback)
        {
            Assert.Contains(document.QuerySelector("p.render-fallback")?.TextContent, Notices);
            Assert.Equal(markdown, document.QuerySelector("pre.render-fallback-source")?.TextContent);
        }
        else
        {
            Assert.NotEmpty(document.Body!.TextContent);
        }

        Assert.Empty(document.Body!.QuerySelectorAll("script, style, iframe, div:not(.footnotes)"));
    }

    [Fact]
    public async Task RenderArticleAsync_HardLinkEmphasisCase_CommonMarkHtml()
    {
        using var renderer = Renderers.Create(TimeLimitSeconds);

        var result = await renderer.RenderArticleAsync("a12", PathologicalMarkdown.Shapes["A12 hard link/emph case"](), CancellationToken.None);

        Assert.Equal("<p>**x <a href=\"d\">a<em>b**c</em></a></p>", result.Html.Trim());
    }

    [Fact]
    public async Task RenderArticleAsync_NulCharacters_ReplacementCharacter()
    {
        using var renderer = Renderers.Create(TimeLimitSeconds);

        var result = await renderer.RenderArticleAsync("a16", PathologicalMarkdown.Shapes["A16 U+0000 in input"](), CancellationToken.None);

        Assert.Equal("<p>abc\uFFFDde\uFFFD</p>", result.Html.Trim());
    }

    [Fact]
    public async Task RenderArticleAsync_HundredThousandDivs_EscapedText()
    {
        var markdown = PathologicalMarkdown.Shapes["B7 100000 <div> (raw HTML)"]();
        using var renderer = Renderers.Create(TimeLimitSeconds);

        var watch = Stopwatch.StartNew();
        var result = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf(markdown), markdown, CancellationToken.None);

        Assert.True(watch.Elapsed < Bound);
        Assert.False(result.Fallback);
        var body = new HtmlParser().ParseDocument(result.Html).Body!;
        Assert.Empty(body.QuerySelectorAll("div"));
        Assert.Equal(markdown, body.TextContent.Trim());
    }
}
