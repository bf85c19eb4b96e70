using BlogSite.Content;
using BlogSite.Tests.Support;

namespace BlogSite.Tests.Content;

public sealed class MarkdownRendererSecurityTests : IDisposable
{
    private readonly MarkdownRenderer renderer = Renderers.Create();

    public void Dispose() => renderer.Dispose();

    /// <summary>Every line of shared/testdata/xss-sample.txt, with its "{NL}" tokens turned into newlines.</summary>
    public static TheoryData<string> XssSamples()
    {
        var path = TestData.PathOf("xss-sample.txt");
        Assert.True(File.Exists(path), $"Missing test data file {path}");
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(path).Where(l => l.Length > 0))
        {
            data.Add(line.Replace("{NL}", "\n", StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(XssSamples))]
    public async Task RenderArticleAsync_XssSample_NoScriptInHtml(string markdown)
    {
        var result = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf(markdown), markdown, CancellationToken.None);

        HtmlSafety.AssertSafe(result.Html, markdown);
    }

    [Fact]
    public void XssSamples_File_HasEveryLine() => Assert.True(XssSamples().Count >= 40, "xss-sample.txt looks truncated");

    // Beyond the sample file: a few more from the public cheat sheets, aimed at what this pipeline enables.
    [Theory]
    [InlineData("[x](VBScript:msgbox(1))")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    [InlineData("[x](%20javascript:alert(1))")]
    [InlineData("[x](java\u0000script:alert(1))")]
    [InlineData("[x][1]\n\n[1]: <javascript:alert(1)> \"title\"")]
    [InlineData("![x][i]\n\n[i]: javascript:alert(1)")]
    [InlineData("[![img](https://example.com/a.png)](javascript:alert(1))")]
    [InlineData("Term\n:   [x](javascript:alert(1))")]
    [InlineData("| a |\n|---|\n| [x](javascript:alert(1)) |")]
    [InlineData("Text[^1]\n\n[^1]: [x](javascript:alert(1))")]
    [InlineData("^^^ <img src=x onerror=alert(1)>\n![x](https://example.com/a.png)\n^^^ [c](javascript:alert(1))")]
    [InlineData("## [x](javascript:alert(1)) heading")]
    [InlineData("```\"><script>alert(1)</script>\nx\n```")]
    [InlineData("```csharp onload=alert(1)\nvar x = 1;\n```")]
    [InlineData("- [ ] <input onfocus=alert(1) autofocus>")]
    [InlineData("www.example.com/\"onmouseover=\"alert(1)")]
    [InlineData("https://example.com/<script>alert(1)</script>")]
    public async Task RenderArticleAsync_MoreXss_NoScriptInHtml(string markdown)
    {
        var result = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf(markdown), markdown, CancellationToken.None);

        HtmlSafety.AssertSafe(result.Html, markdown);
    }
}
