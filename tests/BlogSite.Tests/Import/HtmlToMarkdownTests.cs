using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BlogSite.Content;
using BlogSite.Import;
using BlogSite.Tests.Support;

namespace BlogSite.Tests.Import;

public sealed class HtmlToMarkdownTests : IDisposable
{
    private static readonly string[] Outlined = ["h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "table", "th", "td", "img", "a"];

    private readonly MarkdownRenderer renderer = Renderers.Create();

    public void Dispose() => renderer.Dispose();

    private static string Md(string html) => HtmlToMarkdown.Convert(html);

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private IDocument Render(string markdown)
    {
        var result = renderer.RenderArticle(markdown);
        Assert.False(result.Fallback, result.Html);
        return Parse(result.Html);
    }

    // Paragraphs and whitespace

    [Fact]
    public void Convert_Paragraphs_SeparatedByOneBlankLineEndingWithOneNewline()
    {
        Assert.Equal("One.\n\nTwo.\n", Md("<p>One.</p>\n\n\n<p>Two.</p>\n"));
    }

    [Fact]
    public void Convert_HtmlWhitespace_CollapsedAsInABrowser()
    {
        Assert.Equal("Some spaced text, and more.\n", Md("<p>  Some \t spaced\n  text, <em></em> and   more.  </p>"));
    }

    [Fact]
    public void Convert_ClassicPostWithoutParagraphTags_BlankLinesAreParagraphsNewlinesAreBreaks()
    {
        var markdown = Md("First line\nsecond line\n\nNext paragraph.\n \nLast one.");

        Assert.Equal("First line\\\nsecond line\n\nNext paragraph.\n\nLast one.\n", markdown);
        var html = Render(markdown);
        Assert.Equal(3, html.QuerySelectorAll("p").Length);
        Assert.Single(html.QuerySelectorAll("br"));
    }

    [Fact]
    public void Convert_MixedBareTextAndParagraphs_AllBecomeParagraphs()
    {
        var markdown = Md("Bare intro.\n<p class=\"note\">A kept paragraph.</p>\nBare middle with <strong>bold</strong>.\n\nBare end.\n<h2>Heading</h2>\nAfter heading.");

        Assert.Equal("Bare intro.\n\nA kept paragraph.\n\nBare middle with **bold**.\n\nBare end.\n\n## Heading\n\nAfter heading.\n", markdown);
    }

    [Fact]
    public void Convert_NewlineInsideParagraph_IsASpace()
    {
        Assert.Equal("One two.\n", Md("<p>One\ntwo.</p>"));
    }

    [Fact]
    public void Convert_BlockEditorPost_SingleNewlineInBareTextIsASpace()
    {
        Assert.Equal("One two.\n", Md("<!-- wp:freeform -->One\ntwo.<!-- /wp:freeform -->"));
    }

    [Fact]
    public void Convert_LineBreaks_HardBreaksWithoutTrailingSpacesAndNoneAtTheEnds()
    {
        var markdown = Md("<p><br>One<br/>two <br>  three<br></p>");

        Assert.Equal("One\\\ntwo\\\nthree\n", markdown);
        Assert.DoesNotContain(" \n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_EmptyAndNbspParagraphs_Dropped()
    {
        Assert.Equal("Text.\n", Md("<p>&nbsp;</p><p>Text.</p><p> </p><p><br></p>"));
        Assert.Equal("", Md("<!-- wp:paragraph --><p></p><!-- /wp:paragraph -->"));
    }

    // Headings and inline formatting

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Convert_Heading_AtxWithItsLevel(int level)
    {
        Assert.Equal($"{new string('#', level)} The *title*\n", Md($"<h{level} class=\"wp-block-heading\">The <em>title</em></h{level}>"));
    }

    [Fact]
    public void Convert_HeadingEndingWithHash_HashKept()
    {
        var markdown = Md("<h2>Learning C #</h2>");

        Assert.StartsWith("Learning C #", Render(markdown).QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_InlineFormatting_EmphasisStrongDeletedCode()
    {
        Assert.Equal(
            "An *em*, an *i*, **strong**, **b**, ~~gone~~, ~~s~~ and `code`.\n",
            Md("<p>An <em>em</em>, an <i>i</i>, <strong>strong</strong>, <b>b</b>, <del>gone</del>, <s>s</s> and <code>code</code>.</p>"));
    }

    [Fact]
    public void Convert_SpacesInsideEmphasis_MovedOutside()
    {
        Assert.Equal("Some *spaced* words **here**.\n", Md("<p>Some<em> spaced </em>words <strong>here</strong>.</p>"));
    }

    [Fact]
    public void Convert_NestedSameEmphasis_NotDoubled()
    {
        Assert.Equal("*one two*\n", Md("<p><em>one <i>two</i></em></p>"));
    }

    [Fact]
    public void Convert_CodeWithBackticks_LongerFenceAndNoEscaping()
    {
        Assert.Equal("Run ``a `b` *c*`` now.\n", Md("<p>Run <code>a `b` *c*</code> now.</p>"));
        Assert.Equal("`` `tick ``\n", Md("<p><code>`tick</code></p>"));
    }

    [Fact]
    public void Convert_Link_WithTitle()
    {
        Assert.Equal(
            "See [the docs](https://example.org/docs?a=1&b=2 \"Read \\\"this\\\"\").\n",
            Md("<p>See <a href=\"https://example.org/docs?a=1&amp;b=2\" title='Read \"this\"'>the docs</a>.</p>"));
    }

    [Fact]
    public void Convert_LinkWithSpacesOrParens_AngleDestinationThatRendersBack()
    {
        var markdown = Md("<p><a href=\"https://example.org/a (b).pdf\">file</a></p>");

        Assert.Equal("https://example.org/a%20(b).pdf", Render(markdown).QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Convert_LinkAfterExclamationMark_StaysALink()
    {
        var html = Render(Md("<p>Wow!<a href=\"https://example.org/\">here</a></p>"));

        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Equal("Wow!here", html.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Convert_ScriptLink_KeepsOnlyText()
    {
        Assert.Equal("click\n", Md("<p><a href=\"javascript:alert(1)\">click</a></p>"));
    }

    [Fact]
    public void Convert_Image_AltSourceTitle()
    {
        Assert.Equal(
            "![A *bold* claim](https://example.org/a.png \"Hover\")\n",
            Md("<p><img src=\"https://example.org/a.png\" alt=\"A *bold* claim\" title=\"Hover\"></p>").Replace("\\*", "*", StringComparison.Ordinal));
        Assert.Equal("A *bold* claim", Render(Md("<img src=\"a.png\" alt=\"A *bold* claim\">")).QuerySelector("img")!.GetAttribute("alt"));
    }

    [Fact]
    public void Convert_LazyLoadedImage_TakesTheRealSource()
    {
        Assert.Equal("![x](real.jpg)\n", Md("<img src=\"data:image/gif;base64,R0lGOD\" data-lazy-src=\"real.jpg\" alt=\"x\">"));
    }

    [Fact]
    public void Convert_LinkedImage_ImageInsideLink()
    {
        Assert.Equal("[![Map](map.png)](https://example.org/map)\n", Md("<a href=\"https://example.org/map\"><img src=\"map.png\" alt=\"Map\"></a>"));
    }

    [Fact]
    public void Convert_FigureWithCaption_ImageThenItalicCaption()
    {
        Assert.Equal(
            "![Beans](beans.jpg)\n\n*Runner beans in July*\n",
            Md("<figure class=\"wp-block-image size-large\"><figcaption class=\"wp-element-caption\">Runner beans in July</figcaption><img src=\"beans.jpg\" alt=\"Beans\" class=\"wp-image-5\"/></figure>"));
    }

    [Fact]
    public void Convert_HorizontalRule_ThematicBreak()
    {
        var markdown = Md("<p>Above</p><hr class=\"wp-block-separator\"/><p>Below</p>");

        Assert.Equal("Above\n\n---\n\nBelow\n", markdown);
        Assert.Single(Render(markdown).QuerySelectorAll("hr"));
    }

    // Lists

    [Fact]
    public void Convert_NestedLists_TightWithIndentation()
    {
        var markdown = Md("<ul><li>One<ul><li>One a</li><li>One b<ol><li>deep</li></ol></li></ul></li><li>Two</li></ul>");

        Assert.Equal("- One\n  - One a\n  - One b\n    1. deep\n- Two\n", markdown);
        var html = Render(markdown);
        Assert.Equal(5, html.QuerySelectorAll("li").Length);
        Assert.Empty(html.QuerySelectorAll("li p"));
    }

    [Fact]
    public void Convert_OrderedListWithStart_NumbersFromStart()
    {
        var markdown = Md("<ol start=\"7\"><li>Seven</li><li>Eight</li></ol>");

        Assert.Equal("7. Seven\n8. Eight\n", markdown);
        Assert.Equal("7", Render(markdown).QuerySelector("ol")!.GetAttribute("start"));
    }

    [Fact]
    public void Convert_ListItemsWithParagraphsAndCode_LooseAndIndented()
    {
        var markdown = Md("<ol><li><p>Install it:</p><pre><code class=\"language-sh\">make install</code></pre></li><li><p>Run it.</p></li></ol>");

        Assert.Equal("1. Install it:\n\n   ```sh\n   make install\n   ```\n\n2. Run it.\n", markdown);
        var html = Render(markdown);
        Assert.Equal("make install", html.QuerySelector("li pre")!.TextContent.TrimEnd('\n'));
        Assert.Equal(2, html.QuerySelectorAll("ol > li").Length);
    }

    [Fact]
    public void Convert_TwoListsInARow_StayTwoLists()
    {
        var markdown = Md("<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>");

        var html = Render(markdown);
        Assert.Equal(2, html.QuerySelectorAll("ul").Length);
        Assert.Equal(2, html.QuerySelectorAll("ol").Length);
    }

    [Fact]
    public void Convert_ListNestedStraightInList_JoinsItemBefore()
    {
        Assert.Equal("- a\n  - b\n- c\n", Md("<ul><li>a</li><ul><li>b</li></ul><li>c</li></ul>"));
    }

    // Code

    [Fact]
    public void Convert_CodeBlockWithLanguage_FencedExactly()
    {
        var markdown = Md("<pre><code class=\"language-go\">if a &lt; b &amp;&amp; *p {\n\t# not a heading\n  _x_ = `y`\n}\n</code></pre>");

        Assert.Equal("```go\nif a < b && *p {\n\t# not a heading\n  _x_ = `y`\n}\n```\n", markdown);
        Assert.Equal("if a < b && *p {\n\t# not a heading\n  _x_ = `y`\n}", Render(markdown).QuerySelector("pre")!.TextContent.TrimEnd('\n'));
    }

    [Fact]
    public void Convert_CodeWithFenceInside_LongerFence()
    {
        var markdown = Md("<pre>```md\ntext\n```</pre>");

        Assert.Equal("````\n```md\ntext\n```\n````\n", markdown);
        Assert.Equal("```md\ntext\n```", Render(markdown).QuerySelector("pre")!.TextContent.TrimEnd('\n'));
    }

    [Fact]
    public void Convert_WordPressCodeAndPreformattedBlocks_FencedWithoutMarkup()
    {
        Assert.Equal("```\nls -la\n```\n", Md("<!-- wp:code --><pre class=\"wp-block-code\"><code>ls -la</code></pre><!-- /wp:code -->"));
        Assert.Equal("```\nA <b> tag & **stars**\n```\n", Md("<pre class=\"wp-block-preformatted\">A &lt;b&gt; tag &amp; <strong>**stars**</strong></pre>"));
    }

    [Fact]
    public void Convert_SyntaxHighlighterBrush_LanguageKept()
    {
        Assert.Equal("```php\necho 1;\n```\n", Md("<pre class=\"brush: php; title: ; notranslate\">echo 1;</pre>"));
    }

    [Fact]
    public void Convert_HighlightedSpansInCode_TextOnly()
    {
        Assert.Equal("```js\nlet x = 1;\n```\n", Md("<pre><code class=\"language-js\"><span class=\"k\">let</span> x = <span>1</span>;</code></pre>"));
    }

    // Tables

    [Fact]
    public void Convert_TableWithHead_PipeTableWithAlignment()
    {
        var markdown = Md("<figure class=\"wp-block-table\"><table><thead><tr><th>Name</th><th class=\"has-text-align-right\">Count</th></tr></thead>"
            + "<tbody><tr><td>a | b</td><td>3</td></tr><tr><td><p>Two</p><p>paras</p></td><td>4</td></tr></tbody></table>"
            + "<figcaption>Totals</figcaption></figure>");

        Assert.Equal("| Name | Count |\n| --- | ---: |\n| a \\| b | 3 |\n| Two paras | 4 |\n\n*Totals*\n", markdown);
        var html = Render(markdown);
        Assert.Equal(["Name", "Count", "a | b", "3", "Two paras", "4"], html.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public void Convert_TableWithoutHead_FirstRowIsHeaderAndShortRowsPadded()
    {
        var markdown = Md("<table><tr><td>A</td><td>B</td></tr><tr><td>only</td></tr><tr><td><code>x|y</code></td><td>z<br>w</td></tr></table>");

        Assert.Equal("| A | B |\n| --- | --- |\n| only |  |\n| `x|y` | z w |\n", markdown);
        var html = Render(markdown);
        Assert.Equal(2, html.QuerySelectorAll("th").Length);
        Assert.Equal("x|y", html.QuerySelector("td code")!.TextContent);
    }

    // Quotes

    [Fact]
    public void Convert_NestedBlockquotes_WithParagraphs()
    {
        var markdown = Md("<blockquote><p>Outer one.</p><p>Outer two.</p><blockquote><p>Inner.</p></blockquote></blockquote>");

        Assert.Equal("> Outer one.\n>\n> Outer two.\n>\n> > Inner.\n", markdown);
        var html = Render(markdown);
        Assert.Equal("Inner.", html.QuerySelector("blockquote blockquote")!.TextContent.Trim());
    }

    [Fact]
    public void Convert_Pullquote_QuoteWithCitation()
    {
        var markdown = Md("<figure class=\"wp-block-pullquote\"><blockquote><p>Less, but better.</p><cite>Dieter</cite></blockquote></figure>");

        Assert.Equal("> Less, but better.\n>\n> — Dieter\n", markdown);
    }

    // Footnotes

    [Fact]
    public void Convert_WordPressFootnotes_ReferencesAndDefinitions()
    {
        var markdown = Md(
            "<p>Claim<sup data-fn=\"a1\" class=\"fn\"><a href=\"#a1\" id=\"a1-link\">1</a></sup> and another<sup data-fn=\"b2\" class=\"fn\"><a href=\"#b2\" id=\"b2-link\">2</a></sup>.</p>"
            + "<ol class=\"wp-block-footnotes\"><li id=\"a1\">First <em>note</em>. <a href=\"#a1-link\" aria-label=\"Jump to footnote reference 1\">↩︎</a></li>"
            + "<li id=\"b2\">Second note. <a href=\"#b2-link\" aria-label=\"Jump to footnote reference 2\">↩︎</a></li></ol>");

        Assert.Equal("Claim[^1] and another[^2].\n\n[^1]: First *note*.\n\n[^2]: Second note.\n", markdown);
        var html = Render(markdown);
        Assert.Equal(2, html.QuerySelectorAll("a.footnote-ref").Length);
        Assert.Contains("First note.", html.QuerySelector(".footnotes li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ClassicFootnotes_ReferencesAndDefinitions()
    {
        var markdown = Md(
            "<p>Text<sup><a href=\"#fn1\" id=\"ref1\">1</a></sup>.</p><div class=\"footnotes\"><hr><ol><li id=\"fn1\"><p>The source. <a href=\"#ref1\">↩</a></p></li></ol></div>");

        Assert.Equal("Text[^1].\n\n[^1]: The source.\n", markdown);
    }

    [Fact]
    public void Convert_LinkToListItemThatIsNotAFootnote_StaysALink()
    {
        Assert.Equal("See [step](#s2).\n\n1. Go\n", Md("<p>See <a href=\"#s2\">step</a>.</p><ol><li id=\"s2\">Go</li></ol>"));
    }

    // What is dropped, kept or turned into something else

    [Fact]
    public void Convert_CommentsScriptsStyles_Dropped()
    {
        var markdown = Md("<!-- wp:paragraph --><p>Kept<!-- a note --> text.</p><!-- /wp:paragraph --><script>alert('x')</script><style>p{color:red}</style><!--more-->");

        Assert.Equal("Kept text.\n", markdown);
    }

    [Fact]
    public void Convert_Iframe_LinkToItsSource()
    {
        Assert.Equal(
            "Watch:\n\n<https://www.youtube.com/embed/abc123>\n",
            Md("<p>Watch:</p><iframe src=\"https://www.youtube.com/embed/abc123\" width=\"560\"></iframe><iframe src=\"javascript:x\"></iframe>"));
        Assert.Equal("https://www.youtube.com/embed/abc123", Render(Md("<iframe src=\"https://www.youtube.com/embed/abc123\"></iframe>")).QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Convert_UnknownTags_KeepTheirText()
    {
        Assert.Equal("A *custom* element and more.\n", Md("<p>A <x-widget><em>custom</em> element</x-widget> <font color=red>and</font> <blink>more</blink>.</p>"));
        Assert.Equal("Block inside a span.\n\nSecond.\n", Md("<span><p>Block inside a span.</p><p>Second.</p></span>"));
    }

    [Fact]
    public void Convert_BadNesting_TextKept()
    {
        var markdown = Md("<p><b>bold <i>both</b> italic</i></p><li>stray item<td>stray cell</p></div></span>");

        var text = Render(markdown).Body!.TextContent;
        foreach (var word in new[] { "bold", "both", "italic", "stray item", "stray cell" })
        {
            Assert.Contains(word, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Convert_CaptionShortcode_ImageThenCaption()
    {
        var markdown = Md("[caption id=\"attachment_42\" align=\"aligncenter\" width=\"300\"]<a href=\"https://example.org/big.jpg\"><img class=\"size-medium wp-image-42\" src=\"https://example.org/small.jpg\" alt=\"Shed\" width=\"300\" height=\"200\" /></a> The shed, <em>before</em> the storm[/caption]\n\nAfter.");

        Assert.Equal("[![Shed](https://example.org/small.jpg)](https://example.org/big.jpg)\n\n*The shed, before the storm*\n\nAfter.\n", markdown);
    }

    [Fact]
    public void Convert_OldCaptionShortcode_CaptionFromAttribute()
    {
        Assert.Equal("![](a.jpg)\n\n*From the attribute*\n", Md("[caption id=\"x\" caption=\"From the attribute\"]<img src=\"a.jpg\" />[/caption]"));
    }

    [Fact]
    public void Convert_OtherShortcodes_LeftAsText()
    {
        var markdown = Md("<p>[gallery ids=\"1,2\"]</p>");

        Assert.Equal("[gallery ids=\"1,2\"]", Render(markdown).QuerySelector("p")!.TextContent);
    }

    // Escaping: the rendered article says what the HTML said

    [Theory]
    [InlineData("# not a heading")]
    [InlineData("## also not")]
    [InlineData("* not a bullet")]
    [InlineData("- not a bullet")]
    [InlineData("+ not a bullet")]
    [InlineData("1. not a list")]
    [InlineData("2) not a list")]
    [InlineData("a. not a list")]
    [InlineData("iv. not a list")]
    [InlineData("> not a quote")]
    [InlineData("```not code")]
    [InlineData("~~~ not code")]
    [InlineData("    four spaces")]
    [InlineData("---")]
    [InlineData("===")]
    [InlineData("***")]
    [InlineData(": not a definition")]
    [InlineData("*not emphasis* and **not strong**")]
    [InlineData("_not emphasis_ but snake_case_name")]
    [InlineData("`not code` here")]
    [InlineData("[not a link](http://x) and [^1] and ![no image](x.png)")]
    [InlineData("<not-html> <b> a < b > c")]
    [InlineData("&amp; &copy; &#169; stay as typed")]
    [InlineData("back\\slash \\*")]
    [InlineData("~sub~ ^sup^ ==mark== ++ins++ ~~del~~")]
    [InlineData("a | b | c")]
    [InlineData("*[HTML]: abbreviation")]
    [InlineData("[label]: http://example.org")]
    [InlineData("+---+---+")]
    [InlineData("^^^ figure")]
    [InlineData("- [ ] not a task")]
    public void Convert_TextThatLooksLikeMarkdown_RendersAsTheSameText(string text)
    {
        var html = $"<p>{System.Net.WebUtility.HtmlEncode(text)}</p><p>Line one<br>{System.Net.WebUtility.HtmlEncode(text)}</p>";
        var markdown = Md(html);

        var rendered = Render(markdown);
        var paragraphs = rendered.Body!.Children;
        Assert.Equal(2, paragraphs.Length);
        Assert.All(paragraphs, p => Assert.Equal("p", p.LocalName));
        Assert.Equal(Collapse(text), paragraphs[0].TextContent);
        Assert.Equal("Line one\n" + Collapse(text), paragraphs[1].TextContent);
    }

    [Fact]
    public void Convert_UnderscoresInsideWords_NotEscaped()
    {
        Assert.Equal("snake_case and file_name.txt\n", Md("<p>snake_case and file_name.txt</p>"));
    }

    // Limits

    [Fact]
    public void Convert_TooLong_ArgumentExceptionSayingTheLimit()
    {
        var error = Assert.Throws<ArgumentException>(() => Md(new string('a', HtmlToMarkdown.MaxInputCharacters + 1)));

        Assert.Contains("at most 2,000,000 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_AtTheLimit_Converts()
    {
        var html = string.Concat(Enumerable.Repeat("<p>Words, words.</p>\n", HtmlToMarkdown.MaxInputCharacters / 20));

        Assert.StartsWith("Words, words.\n\nWords", Md(html[..Math.Min(html.Length, HtmlToMarkdown.MaxInputCharacters)]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("div")]
    [InlineData("span")]
    [InlineData("blockquote")]
    [InlineData("em")]
    [InlineData("ul><li")]
    public void Convert_DeeplyNested_FlattensInsteadOfOverflowing(string tag)
    {
        const int Depth = 50_000;
        var name = tag.Split('>')[0];
        var html = string.Concat(Enumerable.Repeat($"<{tag}>", Depth)) + "deep text" + string.Concat(Enumerable.Repeat($"</{name}>", Depth));

        // A thread with a small stack, so a recursion that is not bounded fails here rather than in production.
        string? markdown = null;
        var thread = new Thread(() => markdown = Md(html), 512 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(markdown);
        Assert.Contains("deep text", markdown, StringComparison.Ordinal);
        Assert.False(renderer.RenderArticle(markdown).Fallback);
    }

    // Whole posts, round-tripped through the site's renderer

    [Theory]
    [InlineData("wordpress-classic.html")]
    [InlineData("gutenberg.html")]
    [InlineData("ghost.html")]
    public void Convert_Fixture_RendersToTheSameTextAndStructure(string fixture)
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", fixture));
        var markdown = Md(source);

        Assert.EndsWith("\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(markdown.Split('\n'), line => line.EndsWith(' ') && !line.StartsWith("  ", StringComparison.Ordinal));
        var input = Parse(source);
        var output = Render(markdown);
        Assert.Equal(Words(input), Words(output));
        Assert.Equal(Outline(input), Outline(output));
        Assert.Equal(Code(input), Code(output));
    }

    [Fact]
    public void Convert_GutenbergFixture_FootnotesAndCaptions()
    {
        var markdown = Md(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "gutenberg.html")));

        Assert.Contains("picked a version[^1], and", markdown, StringComparison.Ordinal);
        Assert.Contains("\n[^2]: See the [build directory](https://example.com/build).\n", markdown, StringComparison.Ordinal);
        Assert.Contains("```go\nfunc main() {\n\tif err", markdown, StringComparison.Ordinal);
        Assert.Contains("\n*Median of ten runs*\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Step | Before | After |\n| --- | ---: | ---: |\n", markdown, StringComparison.Ordinal);
    }

    private static string Collapse(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The words a reader reads, without the marks each side adds to footnotes and headings.</summary>
    private static List<string> Words(IDocument document)
    {
        var words = new List<string>();
        foreach (var node in document.Body!.GetDescendants().OfType<IText>())
        {
            // Code is compared whole, by Code(): the highlighter splits it into many text nodes.
            if (node.ParentElement?.Closest("script, style, pre, a.heading-anchor, a.footnote-back-ref") is not null)
            {
                continue;
            }

            words.AddRange(node.Data.Split((char[])[' ', '\n', '\t', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries).Where(w => w is not "↩︎" and not "↩"));
        }

        return words;
    }

    private static List<string> Outline(IDocument document) =>
        [.. document.Body!.QuerySelectorAll(string.Join(", ", Outlined))
            .Where(e => !(e.LocalName == "a" && (e.GetAttribute("href") ?? "#").StartsWith('#')))
            .Select(e => e.LocalName switch
            {
                "img" => "img " + e.GetAttribute("src") + " " + e.GetAttribute("alt"),
                "a" => "a " + e.GetAttribute("href"),
                "th" or "td" => "cell",
                _ => e.LocalName,
            })];

    private static List<string> Code(IDocument document) =>
        [.. document.QuerySelectorAll("pre").Select(p => p.TextContent.TrimEnd('\n'))];
}
