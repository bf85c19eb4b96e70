using System.Net;
using System.Text.RegularExpressions;
using BlogSite.Content;

namespace BlogSite.Tests.Content;

public sealed partial class ShellHighlighterTests
{
    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    private static string Span(string cssClass, string text) => $"<span class=\"{cssClass}\">{WebUtility.HtmlEncode(text)}</span>";

    [Fact]
    public void Highlight_CommandOptionsAndOperators()
    {
        var html = ShellHighlighter.Highlight("dotnet test --no-build -c Release | tee log.txt && echo done");

        Assert.Contains(Span("hl-function", "dotnet"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-attribute", "--no-build"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-attribute", "-c"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-operator", "|"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-function", "tee"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-operator", "&&"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-function", "echo"), html, StringComparison.Ordinal);
        Assert.DoesNotContain(Span("hl-function", "test"), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_VariablesInsideAndOutsideDoubleQuotes_SingleQuotesStayLiteral()
    {
        var html = ShellHighlighter.Highlight("echo \"$HOME/${DIR}\" '$NOT' $1");

        Assert.Contains("<span class=\"hl-string\">&quot;" + Span("hl-variable", "$HOME") + "/" + Span("hl-variable", "${DIR}") + "&quot;</span>", html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-string", "'$NOT'"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-variable", "$1"), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_KeywordsAndLoops()
    {
        var html = ShellHighlighter.Highlight("for f in *.md; do\n  wc -w \"$f\"\ndone");

        Assert.Contains(Span("hl-keyword", "for"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-keyword", "in"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-keyword", "do"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-function", "wc"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-keyword", "done"), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_ContinuedLine_IsNotANewCommand_CommentOnlyAfterSpace()
    {
        var html = ShellHighlighter.Highlight("docker run --rm \\\n  alpine echo a#b # note");

        Assert.DoesNotContain(Span("hl-function", "alpine"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-comment", "# note"), html, StringComparison.Ordinal);
        Assert.DoesNotContain(Span("hl-comment", "#b # note"), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_AssignmentBeforeCommand_AndCommandSubstitution()
    {
        var html = ShellHighlighter.Highlight("GOFLAGS=-race go test\nkill -QUIT \"$(pgrep -n api)\"");

        Assert.Contains(Span("hl-variable", "GOFLAGS") + "=-race", html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-function", "go"), html, StringComparison.Ordinal);
        Assert.Contains(Span("hl-function", "kill"), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("echo '<iframe src=javascript:alert(1)>' > out.html && cat out.html")]
    [InlineData("echo \"unterminated $X")]
    [InlineData("x='never closed\n# still string")]
    [InlineData("${")]
    [InlineData("$")]
    [InlineData("\\")]
    [InlineData("a=\"<b>\" && <c>&d; # <script>")]
    public void Highlight_AnyInput_EscapesHtml_AndKeepsTheText(string code)
    {
        var html = ShellHighlighter.Highlight(code);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(code, WebUtility.HtmlDecode(Tags().Replace(html, "")));
    }
}
