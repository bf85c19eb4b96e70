using System.Net;
using System.Text.RegularExpressions;
using BlogSite.Tests.Support;

namespace BlogSite.Tests.Content;

public sealed partial class CodeHighlighterTests
{
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagRegex();

    private static string TextOf(string html) => WebUtility.HtmlDecode(TagRegex().Replace(html, ""));

    private static string Highlight(string code, string language)
    {
        var html = Renderers.Highlighter.Highlight(code, language);
        Assert.NotNull(html);
        return html;
    }

    [Fact]
    public void Highlight_Go_KeywordStringAndFunctionSpans()
    {
        var html = Highlight("package main\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}", "go");

        Assert.Contains("<span class=\"hl-keyword\">func</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hl-function\">Println</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hl-string\">hi</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_CSharp_KeywordNumberAndCommentSpans()
    {
        var html = Highlight("public sealed class Counter\n{\n    private int count = 42; // why\n}", "csharp");

        Assert.Contains("<span class=\"hl-keyword\">public</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hl-number\">42</span>", html, StringComparison.Ordinal);
        Assert.Contains("hl-comment", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_Shell_StringAndCommentSpans()
    {
        var html = Highlight("echo \"building\" # then test\ndotnet test", "bash");

        Assert.Contains("<span class=\"hl-string\">&quot;building&quot;</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hl-comment\"># then test</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_Json_NumberAndConstantSpans()
    {
        var html = Highlight("{\"retries\": 3, \"verbose\": true, \"name\": null}", "json");

        Assert.Contains("<span class=\"hl-number\">3</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hl-constant\">true</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hl-constant\">null</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csharp", "cs")]
    [InlineData("csharp", "C#")]
    [InlineData("go", "golang")]
    [InlineData("bash", "sh")]
    [InlineData("bash", "SHELL")]
    [InlineData("json", "jsonc")]
    public void Highlight_Alias_SameAsCanonicalName(string canonical, string alias)
    {
        const string Code = "x = \"1\" # 2";

        Assert.Equal(Highlight(Code, canonical), Highlight(Code, alias));
    }

    [Theory]
    [InlineData("csharp", "var html = \"<script>alert('x')</script>\"; // <b>not bold</b> & more")]
    [InlineData("go", "s := \"<img src=x onerror=alert(1)>\" // </code></pre>")]
    [InlineData("bash", "echo '<iframe src=javascript:alert(1)>' > out.html && cat out.html")]
    [InlineData("json", "{\"html\": \"<a href=\\\"javascript:alert(1)\\\">x</a>\"}")]
    public void Highlight_HtmlInCode_EscapedAndTextUnchanged(string language, string code)
    {
        var html = Highlight(code, language);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</code>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TagRegex().Matches(html), m => !m.Value.StartsWith("<span class=\"hl-", StringComparison.Ordinal) && m.Value != "</span>");
        Assert.Equal(code, TextOf(html));
    }

    [Fact]
    public void Highlight_MultiLineComment_StateCarriedAcrossLines()
    {
        var html = Highlight("/* first\n   second */\nint x;", "csharp");

        Assert.Contains("<span class=\"hl-comment\">   second </span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"hl-keyword\">int</span>", html, StringComparison.Ordinal);
        Assert.Equal("/* first\n   second */\nint x;", TextOf(html));
    }

    [Fact]
    public void Highlight_WindowsLineEndings_LinesKept()
    {
        var html = Highlight("int a;\r\nint b;", "csharp");

        Assert.Equal("int a;\nint b;", TextOf(html));
    }

    [Theory]
    [InlineData("cobolx")]
    [InlineData("")]
    [InlineData("text")]
    [InlineData("c sharp")]
    public void Highlight_UnknownLanguage_Null(string language) =>
        Assert.Null(Renderers.Highlighter.Highlight("<b>x</b>", language));

    [Fact]
    public async Task Highlight_ManyThreads_SameOutput()
    {
        const string Code = "func main() { for i := 0; i < 10; i++ { fmt.Println(i) } }";
        var expected = Highlight(Code, "go");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Renderers.Highlighter.Highlight(Code, "go"))));

        Assert.All(results, html => Assert.Equal(expected, html));
    }
}
