using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BlogSite.Import;

/// <summary>
/// The HTML body of an exported post (WordPress classic or block editor, Ghost) as the Markdown BlogSite stores:
/// CommonMark with pipe tables and footnotes, as <see cref="Content.MarkdownRenderer"/> renders it. Text that
/// Markdown would read as syntax is escaped, so the rendered article says what the HTML said.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Text directly in a block (not in a <c>&lt;p&gt;</c>) is read as WordPress's wpautop reads it: a blank
/// line ends a paragraph and, in a post without Gutenberg block comments, a single newline is a line break. Inside
/// a <c>&lt;p&gt;</c>, a heading or a cell, whitespace collapses as in a browser.</item>
/// <item>Comments, scripts, styles, forms and SVG are dropped; an iframe, video or audio becomes a link to its
/// http(s) source; an unknown element keeps its text. Formatting wrapped around whole blocks is dropped.</item>
/// <item>A figure's caption follows its content as an italic paragraph; a quote's <c>&lt;cite&gt;</c> becomes
/// its last paragraph, after a dash. <c>[caption]</c> shortcodes become figures; other shortcodes stay text.</item>
/// <item>Underline, mark, superscript and subscript keep their text only; lists and quotes nested deeper than
/// <see cref="MaxContainerNesting"/> lose their extra indentation; elements nested deeper than
/// <see cref="MaxElementDepth"/> are flattened to their text.</item>
/// </list>
/// </remarks>
public static partial class HtmlToMarkdown
{
    /// <summary>The longest HTML accepted, in characters (about 2 MB): far beyond any real post.</summary>
    public const int MaxInputCharacters = 2_000_000;

    /// <summary>Elements nested deeper than this are written as their text, so the recursion stays far from the stack's end.</summary>
    public const int MaxElementDepth = 200;

    /// <summary>Lists and quotes nested deeper than this are written as their content, without further markers.</summary>
    public const int MaxContainerNesting = 8;

    private const int MaxTableColumns = 64;

    private static readonly HashSet<string> Dropped =
    [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base", "svg", "math", "canvas",
        "input", "select", "textarea", "button", "map", "area", "param", "source", "track", "dialog",
    ];

    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "address", "center", "details",
        "summary", "fieldset", "form", "dl", "dt", "dd", "hgroup", "figure", "figcaption", "blockquote", "pre", "ul",
        "ol", "li", "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "iframe", "video", "audio", "embed", "object", "body", "html",
    ];

    /// <summary>
    /// Converts <paramref name="html"/> to Markdown ending with one newline (empty when nothing is left). Never throws
    /// on malformed HTML.
    /// </summary>
    /// <exception cref="ArgumentException">The HTML is longer than <see cref="MaxInputCharacters"/>.</exception>
    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length > MaxInputCharacters)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The HTML is {html.Length:N0} characters long; at most {MaxInputCharacters:N0} characters can be converted to Markdown."), nameof(html));
        }

        // WordPress runs wpautop only on posts without blocks, so only there is a single newline a line break.
        var lineBreaks = !html.Contains("<!-- wp:", StringComparison.Ordinal);
        if (html.Contains("[caption", StringComparison.OrdinalIgnoreCase))
        {
            html = CaptionShortcode().Replace(html, CaptionFigure);
        }

        // AngleSharp's tree builder takes time quadratic in the nesting depth, so deep nesting is flattened before parsing.
        var document = new HtmlParser().ParseDocument(FlattenDeepTags(html));
        var root = (IElement?)document.Body ?? document.DocumentElement;
        return new Converter(root, lineBreaks).Run();
    }

    /// <summary>
    /// Drops the tags that would nest deeper than <see cref="MaxElementDepth"/>, keeping their text. Tags whose end may be
    /// left out (p, li, td…) and void tags are not counted, since they do not nest by themselves; the scan is linear.
    /// </summary>
    private static string FlattenDeepTags(string html)
    {
        StringBuilder? kept = null;
        var copiedTo = 0;
        var depth = 0;
        var dropped = 0;
        var i = html.IndexOf('<', StringComparison.Ordinal);
        while (i >= 0 && i < html.Length - 1)
        {
            var next = html[i + 1];
            int end;
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                end = end < 0 ? html.Length : end + 3;
            }
            else if (next is '!' or '?')
            {
                end = html.IndexOf('>', i);
                end = end < 0 ? html.Length : end + 1;
            }
            else if (char.IsAsciiLetter(next) || (next == '/' && i + 2 < html.Length && char.IsAsciiLetter(html[i + 2])))
            {
                var closing = next == '/';
                var nameStart = closing ? i + 2 : i + 1;
                var nameEnd = nameStart;
                while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
                {
                    nameEnd++;
                }

                end = TagEnd(html, nameEnd);
                var name = html[nameStart..nameEnd].ToLowerInvariant();
                var drop = false;
                if (closing)
                {
                    if (!Unnested.Contains(name))
                    {
                        drop = dropped > 0;
                        dropped -= drop ? 1 : 0;
                        depth -= !drop && depth > 0 ? 1 : 0;
                    }
                }
                else if (RawText.Contains(name))
                {
                    var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                    end = close < 0 ? html.Length : close;
                }
                else if (!Unnested.Contains(name))
                {
                    drop = depth >= MaxElementDepth;
                    dropped += drop ? 1 : 0;
                    depth += drop ? 0 : 1;
                }

                if (drop)
                {
                    kept ??= new StringBuilder(html.Length);
                    kept.Append(html, copiedTo, i - copiedTo);
                    copiedTo = end;
                }
            }
            else
            {
                end = i + 1;
            }

            i = end < html.Length ? html.IndexOf('<', end) : -1;
        }

        return kept is null ? html : kept.Append(html, copiedTo, html.Length - copiedTo).ToString();
    }

    private static int TagEnd(string html, int from)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }

    private static readonly HashSet<string> Unnested =
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rt", "rp",
    ];

    private static readonly HashSet<string> RawText = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

    private static string CaptionFigure(Match shortcode)
    {
        var inner = shortcode.Groups[2].Value;
        var media = CaptionMedia().Match(inner);
        if (!media.Success)
        {
            return inner;
        }

        // The old form puts the caption in an attribute; the newer one writes it after the image.
        var attribute = CaptionAttribute().Match(shortcode.Groups[1].Value);
        var caption = attribute.Success ? attribute.Groups[1].Value : media.Groups[2].Value;
        return $"<figure class=\"wp-caption\">{media.Groups[1].Value}<figcaption>{caption}</figcaption></figure>";
    }

    // NonBacktracking: an export full of unclosed "[caption" must stay linear, not time out.
    [GeneratedRegex(@"\[caption\b([^\]]*)\](.*?)\[/caption\]", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex CaptionShortcode();

    [GeneratedRegex(@"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex CaptionMedia();

    [GeneratedRegex(@"\bcaption=""([^""]*)""", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex CaptionAttribute();

    [GeneratedRegex(@"\n[ \t\r\f]*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^(?:[0-9]{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,8})$")]
    private static partial Regex ListNumber();

    [GeneratedRegex(@"^#?[A-Za-z0-9]{1,32};")]
    private static partial Regex EntityTail();

    [GeneratedRegex(@"brush:\s*([A-Za-z0-9_+#-]+)")]
    private static partial Regex Brush();

    private static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static bool IsEntityLike(ReadOnlySpan<char> afterAmpersand) => EntityTail().IsMatch(afterAmpersand);

    /// <summary>One Markdown block; <see cref="ListMarker"/> is set for a list, so the next list can use another marker.</summary>
    private sealed record Block(string Text, char ListMarker = '\0', bool InterruptsParagraph = true);

    private sealed class Converter(IElement root, bool lineBreaks)
    {
        private readonly HashSet<INode> skipped = [];
        private readonly Dictionary<IElement, int> footnoteRefs = [];
        private readonly List<IElement> footnotes = [];

        public string Run()
        {
            FindFootnotes();
            var blocks = BlocksOf(root, 0, 0, lineBreaks);
            for (var i = 0; i < footnotes.Count; i++)
            {
                var definition = BlocksOf(footnotes[i], 1, 1, lineBreaks);
                if (definition.Count > 0)
                {
                    blocks.Add(new Block(Indent(Join(definition, "\n\n"), $"[^{i + 1}]: ", "    ")));
                }
            }

            return blocks.Count == 0 ? "" : Join(blocks, "\n\n") + "\n";
        }

        private List<Block> BlocksOf(IElement container, int depth, int nesting, bool breaks)
        {
            var flow = new Flow(this, nesting, breaks);
            flow.AddChildren(container, depth + 1);
            return flow.End();
        }

        private bool IsSkipped(IElement element) => Dropped.Contains(element.LocalName) || skipped.Contains(element);

        /// <summary>An element met in a run of blocks.</summary>
        private void AddElement(IElement element, Flow flow, int depth)
        {
            var name = element.LocalName;
            switch (name)
            {
                case "p":
                    flow.AddParagraph(InlineOf(element, depth, singleLine: false));
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    flow.AddBlock(Heading(element, name[1] - '0', depth));
                    break;
                case "ul" or "ol":
                    AddList(element, flow, depth);
                    break;
                case "pre" when element.ClassList.Contains("wp-block-verse"):
                    // A poem: its lines are line breaks, its formatting is kept.
                    flow.Flush();
                    var verse = new Flow(this, flow.Nesting, breaks: true);
                    verse.AddChildren(element, depth + 1);
                    flow.AddBlocks(verse.End());
                    break;
                case "pre":
                    flow.AddBlock(new Block(CodeBlock(element)));
                    break;
                case "blockquote":
                    AddQuote(element, flow, depth);
                    break;
                case "figure":
                    AddFigure(element, flow, depth);
                    break;
                case "figcaption" or "caption":
                    flow.AddParagraph(Caption(element, depth));
                    break;
                case "cite" when element.ParentElement?.LocalName == "blockquote":
                    var cite = new InlineWriter(singleLine: false);
                    cite.Text("— ", breaks: false);
                    AddInlineChildren(element, cite, depth + 1);
                    flow.AddParagraph(cite);
                    break;
                case "table":
                    flow.AddBlocks(Table(element, depth));
                    break;
                case "hr":
                    flow.AddBlock(new Block("---"));
                    break;
                case "iframe" or "video" or "audio" or "embed" or "object":
                    var link = new InlineWriter(singleLine: false);
                    AddMediaLink(element, link);
                    flow.AddParagraph(link);
                    break;
                case "a" when HasBlock(element):
                    flow.AddParagraph(InlineOf(element, depth - 1, singleLine: false, self: true));
                    break;
                default:
                    if (Blocks.Contains(name))
                    {
                        flow.Flush();
                        flow.AddChildren(element, depth + 1);
                        flow.Flush();
                    }
                    else if (HasBlock(element))
                    {
                        flow.AddChildren(element, depth + 1);
                    }
                    else
                    {
                        AddInline(element, flow.Paragraph, depth);
                    }

                    break;
            }
        }

        private InlineWriter InlineOf(IElement element, int depth, bool singleLine, bool self = false)
        {
            var writer = new InlineWriter(singleLine);
            if (self)
            {
                AddInline(element, writer, depth + 1);
            }
            else
            {
                AddInlineChildren(element, writer, depth + 1);
            }

            return writer;
        }

        private InlineWriter Caption(IElement caption, int depth)
        {
            var writer = new InlineWriter(singleLine: false);
            var opened = writer.Open("*");
            AddInlineChildren(caption, writer, depth + 1);
            if (opened)
            {
                writer.Close("*");
            }

            return writer;
        }

        private void AddInlineChildren(INode parent, InlineWriter writer, int depth)
        {
            foreach (var child in parent.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        writer.Text(text.Data, breaks: false);
                        break;
                    case IElement element:
                        AddInline(element, writer, depth);
                        break;
                }
            }
        }

        private void AddInline(IElement element, InlineWriter writer, int depth)
        {
            if (IsSkipped(element))
            {
                return;
            }

            if (depth > MaxElementDepth)
            {
                writer.Text(FlatText(element, " "), breaks: false);
                return;
            }

            if (footnoteRefs.TryGetValue(element, out var label))
            {
                writer.Raw($"[^{label}]");
                return;
            }

            var name = element.LocalName;
            switch (name)
            {
                case "br":
                    writer.Break();
                    break;
                case "img":
                    AddImage(element, writer);
                    break;
                case "em" or "i" or "cite" or "dfn" or "var":
                    AddEmphasis(element, writer, "*", depth);
                    break;
                case "strong" or "b":
                    AddEmphasis(element, writer, "**", depth);
                    break;
                case "del" or "s" or "strike":
                    AddEmphasis(element, writer, "~~", depth);
                    break;
                case "code" or "kbd" or "samp" or "tt" or "pre":
                    writer.Code(Collapse(FlatText(element, " ")));
                    break;
                case "a":
                    AddLink(element, writer, depth);
                    break;
                case "q":
                    writer.Text("\"", breaks: false);
                    AddInlineChildren(element, writer, depth + 1);
                    writer.Text("\"", breaks: false);
                    break;
                case "iframe" or "video" or "audio" or "embed" or "object":
                    AddMediaLink(element, writer);
                    break;
                default:
                    // A block inside a line (a cell, a heading, a link) is flattened to its text, set apart by spaces.
                    var block = Blocks.Contains(name);
                    if (block)
                    {
                        writer.Space();
                    }

                    AddInlineChildren(element, writer, depth + 1);
                    if (block)
                    {
                        writer.Space();
                    }

                    break;
            }
        }

        private void AddEmphasis(IElement element, InlineWriter writer, string delimiter, int depth)
        {
            var opened = writer.Open(delimiter);
            AddInlineChildren(element, writer, depth + 1);
            if (opened)
            {
                writer.Close(delimiter);
            }
        }

        private void AddLink(IElement anchor, InlineWriter writer, int depth)
        {
            var href = anchor.GetAttribute("href")?.Trim();
            var opened = !string.IsNullOrEmpty(href) && IsSafeUrl(href) && writer.Open("[");
            AddInlineChildren(anchor, writer, depth + 1);
            if (opened)
            {
                writer.Close("](" + Destination(href!, anchor.GetAttribute("title")) + ")");
            }
        }

        private static void AddImage(IElement image, InlineWriter writer)
        {
            var src = image.GetAttribute("src")?.Trim();
            // Lazy-loading plugins leave a placeholder in src and the picture in a data attribute.
            if (string.IsNullOrEmpty(src) || src.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                src = (image.GetAttribute("data-src") ?? image.GetAttribute("data-lazy-src") ?? src)?.Trim();
            }

            if (!string.IsNullOrEmpty(src) && IsSafeUrl(src))
            {
                writer.Image(Collapse(image.GetAttribute("alt") ?? ""), Destination(src, image.GetAttribute("title")));
            }
        }

        private static void AddMediaLink(IElement media, InlineWriter writer)
        {
            var src = media.GetAttribute("src") ?? media.GetAttribute("data");
            if (string.IsNullOrWhiteSpace(src))
            {
                src = media.Children.FirstOrDefault(c => c.LocalName == "source")?.GetAttribute("src");
            }

            src = src?.Trim();
            if (src is not null
                && (src.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || src.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                && !src.Any(c => IsHtmlSpace(c) || c is '<' or '>' || char.IsControl(c)))
            {
                writer.Raw("<" + src + ">");
            }
        }

        private Block Heading(IElement heading, int level, int depth)
        {
            var text = InlineOf(heading, depth, singleLine: true).Finish();
            if (text is null)
            {
                return new Block("");
            }

            // "Learn C #" would lose its last word: a closing run of # after a space ends an ATX heading.
            var run = text.Length - text.AsSpan().TrimEnd('#').Length;
            if (run > 0 && run < text.Length && text[^(run + 1)] == ' ')
            {
                text = text.Insert(text.Length - run, "\\");
            }

            return new Block(new string('#', level) + " " + text);
        }

        private void AddList(IElement list, Flow flow, int depth)
        {
            var ordered = list.LocalName == "ol";
            var items = new List<Flow>();
            Flow? current = null;
            foreach (var child in list.ChildNodes)
            {
                if (child is IElement { LocalName: "li" } item)
                {
                    if (IsSkipped(item))
                    {
                        continue;
                    }

                    current = new Flow(this, flow.Nesting + 1, lineBreaks);
                    current.AddChildren(item, depth + 1);
                    items.Add(current);
                }
                else if (child is IElement || (child is IText loose && !string.IsNullOrWhiteSpace(loose.Data)))
                {
                    // Content between items (a list nested straight in a list, as old editors wrote) joins the item before it.
                    if (current is null)
                    {
                        current = new Flow(this, flow.Nesting + 1, lineBreaks);
                        items.Add(current);
                    }

                    current.Add(child, depth + 1);
                }
            }

            var contents = items.Select(i => i.End()).ToList();
            if (flow.Nesting >= MaxContainerNesting)
            {
                flow.Flush();
                foreach (var content in contents)
                {
                    flow.AddBlocks(content);
                }

                return;
            }

            if (contents.Count == 0)
            {
                return;
            }

            var start = 1;
            if (ordered && int.TryParse(list.GetAttribute("start"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given))
            {
                start = Math.Clamp(given, 0, 999_999_999);
            }

            // Two lists in a row would merge into one; a different marker keeps them apart.
            var primary = ordered ? '.' : '-';
            var marker = flow.LastListMarker == primary ? (ordered ? ')' : '*') : primary;
            var tight = contents.All(IsTight);
            var text = new StringBuilder();
            for (var i = 0; i < contents.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(tight ? "\n" : "\n\n");
                }

                var bullet = ordered ? (start + i).ToString(CultureInfo.InvariantCulture) + marker : marker.ToString();
                var body = Join(contents[i], tight ? "\n" : "\n\n");
                text.Append(body.Length == 0 ? bullet : Indent(body, bullet + " ", new string(' ', bullet.Length + 1)));
            }

            flow.AddBlock(new Block(text.ToString(), marker, InterruptsParagraph: !ordered || start == 1));
        }

        /// <summary>An item written without blank lines: one paragraph at most, then only lists that can follow it at once.</summary>
        private static bool IsTight(List<Block> item) =>
            item.Skip(1).All(b => b.ListMarker != '\0' && b.InterruptsParagraph);

        private void AddQuote(IElement quote, Flow flow, int depth)
        {
            flow.Flush();
            if (flow.Nesting >= MaxContainerNesting)
            {
                flow.AddChildren(quote, depth + 1);
                flow.Flush();
                return;
            }

            var inner = new Flow(this, flow.Nesting + 1, lineBreaks);
            inner.AddChildren(quote, depth + 1);
            var blocks = inner.End();
            if (blocks.Count > 0)
            {
                flow.AddBlock(new Block(Indent(Join(blocks, "\n\n"), "> ", "> ")));
            }
        }

        private void AddFigure(IElement figure, Flow flow, int depth)
        {
            flow.Flush();
            var captions = new List<IElement>();
            foreach (var child in figure.ChildNodes)
            {
                if (child is IElement { LocalName: "figcaption" } caption)
                {
                    captions.Add(caption);
                }
                else
                {
                    flow.Add(child, depth + 1);
                }
            }

            flow.Flush();
            foreach (var caption in captions)
            {
                flow.AddParagraph(Caption(caption, depth + 1));
            }
        }

        private List<Block> Table(IElement table, int depth)
        {
            var rows = new List<IElement>();
            IElement? caption = null;
            foreach (var section in table.Children)
            {
                switch (section.LocalName)
                {
                    case "thead":
                        rows.InsertRange(0, section.Children.Where(r => r.LocalName == "tr"));
                        break;
                    case "tbody" or "tfoot":
                        rows.AddRange(section.Children.Where(r => r.LocalName == "tr"));
                        break;
                    case "tr":
                        rows.Add(section);
                        break;
                    case "caption":
                        caption = section;
                        break;
                }
            }

            var cells = new List<List<string>>();
            var alignments = new List<string>();
            foreach (var row in rows)
            {
                var line = new List<string>();
                foreach (var cell in row.Children.Where(c => c.LocalName is "td" or "th"))
                {
                    if (cells.Count == 0)
                    {
                        alignments.Add(Alignment(cell));
                    }

                    line.Add(InlineOf(cell, depth + 1, singleLine: true).Finish() ?? "");
                    var span = int.TryParse(cell.GetAttribute("colspan"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
                    for (var extra = 1; extra < Math.Min(span, MaxTableColumns); extra++)
                    {
                        line.Add("");
                        if (cells.Count == 0)
                        {
                            alignments.Add("---");
                        }
                    }
                }

                cells.Add(line);
            }

            var columns = Math.Min(MaxTableColumns, cells.Count == 0 ? 0 : cells.Max(r => r.Count));
            var blocks = new List<Block>();
            if (columns > 0)
            {
                var text = new StringBuilder();
                for (var r = 0; r < cells.Count; r++)
                {
                    if (r > 0)
                    {
                        text.Append('\n');
                    }

                    text.Append('|');
                    for (var c = 0; c < columns; c++)
                    {
                        text.Append(' ').Append(c < cells[r].Count ? cells[r][c] : "").Append(" |");
                    }

                    if (r == 0)
                    {
                        text.Append("\n|");
                        for (var c = 0; c < columns; c++)
                        {
                            text.Append(' ').Append(c < alignments.Count ? alignments[c] : "---").Append(" |");
                        }
                    }
                }

                blocks.Add(new Block(text.ToString()));
            }

            if (caption is not null && Caption(caption, depth).Finish() is { } captionText)
            {
                blocks.Add(new Block(captionText));
            }

            return blocks;
        }

        private static string Alignment(IElement cell)
        {
            var align = cell.GetAttribute("align")?.Trim().ToLowerInvariant();
            var style = cell.GetAttribute("style") ?? "";
            foreach (var side in new[] { "center", "right", "left" })
            {
                if (align == side || cell.ClassList.Contains("has-text-align-" + side)
                    || style.Replace(" ", "", StringComparison.Ordinal).Contains("text-align:" + side, StringComparison.OrdinalIgnoreCase))
                {
                    return side switch { "center" => ":---:", "right" => "---:", _ => ":---" };
                }
            }

            return "---";
        }

        private string CodeBlock(IElement pre)
        {
            var code = pre.Children.Length == 1 && pre.Children[0].LocalName == "code" ? pre.Children[0] : null;
            var language = (code is null ? null : Language(code)) ?? Language(pre);
            var text = FlatText(pre, "\n").TrimEnd('\n');
            var longest = 0;
            var run = 0;
            foreach (var c in text)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            var fence = new string('`', Math.Max(3, longest + 1));
            return text.Length == 0 ? $"{fence}{language}\n{fence}" : $"{fence}{language}\n{text}\n{fence}";
        }

        private static string? Language(IElement element)
        {
            string? language = null;
            foreach (var name in element.ClassList)
            {
                if (name.StartsWith("language-", StringComparison.OrdinalIgnoreCase))
                {
                    language = name["language-".Length..];
                }
                else if (name.StartsWith("lang-", StringComparison.OrdinalIgnoreCase))
                {
                    language = name["lang-".Length..];
                }
            }

            language ??= element.GetAttribute("data-lang");
            if (language is null && Brush().Match(element.GetAttribute("class") ?? "") is { Success: true } brush)
            {
                language = brush.Groups[1].Value;
            }

            if (language is null)
            {
                return null;
            }

            var clean = string.Concat(language.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '#' or '.' or '-').Take(32));
            return clean.Length == 0 || clean.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : clean;
        }

        /// <summary>The text under an element, without recursion: the tree may be nested far deeper than the stack allows.</summary>
        private string FlatText(IElement element, string lineBreak)
        {
            var text = new StringBuilder();
            var pending = new Stack<INode>();
            pending.Push(element);
            while (pending.TryPop(out var node))
            {
                switch (node)
                {
                    case IText t:
                        text.Append(t.Data);
                        break;
                    case IElement { LocalName: "br" }:
                        text.Append(lineBreak);
                        break;
                    case IElement e when e == element || !IsSkipped(e):
                        for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
                        {
                            pending.Push(e.ChildNodes[i]);
                        }

                        break;
                }
            }

            return text.ToString();
        }

        private bool HasBlock(IElement element)
        {
            var pending = new Stack<IElement>(element.ChildNodes.OfType<IElement>());
            while (pending.TryPop(out var child))
            {
                if (Blocks.Contains(child.LocalName) && !IsSkipped(child))
                {
                    return true;
                }

                foreach (var grandchild in child.ChildNodes.OfType<IElement>())
                {
                    pending.Push(grandchild);
                }
            }

            return false;
        }

        /// <summary>
        /// Footnote references (a <c>&lt;sup&gt;</c> link, or a link marked as one, to a list item of the same post) and the
        /// items they point to: WordPress's footnotes block, and the fn1/fn:1 lists other editors write.
        /// </summary>
        private void FindFootnotes()
        {
            var itemsById = new Dictionary<string, IElement>(StringComparer.Ordinal);
            var anchors = new List<IElement>();
            var pending = new Stack<IElement>();
            pending.Push(root);
            while (pending.TryPop(out var element))
            {
                if (element.LocalName == "li" && element.GetAttribute("id") is { Length: > 0 } id)
                {
                    itemsById.TryAdd(id, element);
                }
                else if (element.LocalName == "a" && element.GetAttribute("href") is { Length: > 1 } href && href[0] == '#')
                {
                    anchors.Add(element);
                }

                // ChildNodes, not Children: AngleSharp enumerates Children afresh on every index.
                for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                {
                    if (element.ChildNodes[i] is IElement child)
                    {
                        pending.Push(child);
                    }
                }
            }

            var labels = new Dictionary<IElement, int>();
            var referenceIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var anchor in anchors)
            {
                if (!itemsById.TryGetValue(anchor.GetAttribute("href")![1..], out var item) || !LooksLikeReference(anchor) || IsWithin(anchor, item))
                {
                    continue;
                }

                if (!labels.TryGetValue(item, out var label))
                {
                    footnotes.Add(item);
                    label = labels[item] = footnotes.Count;
                }

                var sup = anchor.ParentElement;
                var reference = sup is { LocalName: "sup", Children.Length: 1 } ? sup : anchor;
                footnoteRefs[reference] = label;
                foreach (var id in new[] { anchor.Id, reference.Id })
                {
                    if (!string.IsNullOrEmpty(id))
                    {
                        referenceIds.Add(id);
                    }
                }
            }

            foreach (var anchor in anchors)
            {
                var target = anchor.GetAttribute("href")![1..];
                var text = anchor.TextContent.Trim();
                if ((referenceIds.Contains(target) || anchor.ClassList.Contains("footnote-backref") || anchor.ClassList.Contains("reversefootnote")
                     || anchor.GetAttribute("role") == "doc-backlink" || text is "↩" or "↩︎")
                    && footnotes.Any(f => IsWithin(anchor, f)))
                {
                    skipped.Add(anchor);
                }
            }

            foreach (var item in footnotes)
            {
                skipped.Add(item);
                if (item.ParentElement is { } list && list.Children.All(c => c.LocalName != "li" || skipped.Contains(c)))
                {
                    skipped.Add(list);
                    if (list.ParentElement is { LocalName: "div" or "section" } wrapper
                        && (wrapper.ClassList.Contains("footnotes") || wrapper.GetAttribute("role") == "doc-endnotes"))
                    {
                        skipped.Add(wrapper);
                    }
                }
            }
        }

        private static bool LooksLikeReference(IElement anchor) =>
            anchor.ParentElement?.LocalName == "sup"
            || anchor.ClassList.Contains("footnote-ref")
            || anchor.ClassList.Contains("footnote")
            || anchor.GetAttribute("role") == "doc-noteref";

        private static bool IsWithin(IElement element, IElement ancestor)
        {
            var parent = element.ParentElement;
            for (var steps = 0; parent is not null && steps < 4 * MaxElementDepth; steps++, parent = parent.ParentElement)
            {
                if (parent == ancestor)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A run of blocks being written, with the paragraph its inline content is filling.</summary>
        private sealed class Flow(Converter converter, int nesting, bool breaks)
        {
            private readonly List<Block> blocks = [];

            public int Nesting => nesting;

            public InlineWriter Paragraph { get; private set; } = new(singleLine: false);

            public char LastListMarker => blocks.Count > 0 ? blocks[^1].ListMarker : '\0';

            public void AddChildren(INode parent, int depth)
            {
                foreach (var child in parent.ChildNodes)
                {
                    Add(child, depth);
                }
            }

            public void Add(INode node, int depth)
            {
                switch (node)
                {
                    case IText text:
                        var pieces = BlankLine().Split(text.Data);
                        for (var i = 0; i < pieces.Length; i++)
                        {
                            if (i > 0)
                            {
                                Flush();
                            }

                            Paragraph.Text(pieces[i], breaks);
                        }

                        break;
                    case IElement element when !converter.IsSkipped(element):
                        if (depth > MaxElementDepth)
                        {
                            Paragraph.Text(converter.FlatText(element, " "), breaks: false);
                        }
                        else
                        {
                            converter.AddElement(element, this, depth);
                        }

                        break;
                }
            }

            public void Flush()
            {
                if (Paragraph.Finish() is { } text)
                {
                    blocks.Add(new Block(text));
                }

                Paragraph = new InlineWriter(singleLine: false);
            }

            public void AddParagraph(InlineWriter writer)
            {
                Flush();
                if (writer.Finish() is { } text)
                {
                    blocks.Add(new Block(text));
                }
            }

            public void AddBlock(Block block)
            {
                Flush();
                if (block.Text.Length > 0)
                {
                    blocks.Add(block);
                }
            }

            public void AddBlocks(IEnumerable<Block> added)
            {
                Flush();
                blocks.AddRange(added);
            }

            public List<Block> End()
            {
                Flush();
                return blocks;
            }
        }
    }

    /// <summary>
    /// Builds one paragraph (or one line, for a cell or a heading): collapses whitespace as a browser does, escapes text,
    /// and holds back spaces, line breaks and opening delimiters until content follows, so "&lt;em&gt; a &lt;/em&gt;" is
    /// written "*a*" with its spaces outside, and an empty emphasis or link vanishes.
    /// </summary>
    private sealed class InlineWriter(bool singleLine)
    {
        private const int MaxBreaks = 2;

        private readonly StringBuilder text = new();
        private readonly List<(string Delimiter, bool Written)> open = [];
        private bool pendingSpace;
        private int pendingBreaks;
        private bool atLineStart = true;
        private bool hasContent;

        public void Space() => pendingSpace = true;

        public void Break()
        {
            if (singleLine)
            {
                pendingSpace = true;
                return;
            }

            pendingBreaks = Math.Min(MaxBreaks, pendingBreaks + 1);
            pendingSpace = false;
        }

        public void Text(string data, bool breaks)
        {
            var i = 0;
            while (i < data.Length)
            {
                var c = data[i];
                if (IsHtmlSpace(c))
                {
                    if (c == '\n' && breaks)
                    {
                        Break();
                    }
                    else if (pendingBreaks == 0)
                    {
                        pendingSpace = true;
                    }

                    i++;
                    continue;
                }

                var end = i;
                while (end < data.Length && !IsHtmlSpace(data[end]))
                {
                    end++;
                }

                Word(data.AsSpan(i, end - i));
                i = end;
            }
        }

        public bool Open(string delimiter)
        {
            if (open.Any(d => d.Delimiter == delimiter))
            {
                return false;
            }

            open.Add((delimiter, false));
            return true;
        }

        public void Close(string closer)
        {
            var (_, written) = open[^1];
            open.RemoveAt(open.Count - 1);
            if (written)
            {
                text.Append(closer);
                atLineStart = false;
            }
        }

        public void Raw(string markup)
        {
            BeginContent();
            text.Append(markup);
            atLineStart = false;
            hasContent = true;
        }

        public void Image(string alt, string destination)
        {
            BeginContent();
            GuardExclamation();
            text.Append("![");
            var words = alt.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                Escape(words[i], lineStart: false);
            }

            text.Append("](").Append(destination).Append(')');
            atLineStart = false;
            hasContent = true;
        }

        public void Code(string code)
        {
            if (code.Length == 0)
            {
                return;
            }

            var longest = 0;
            var run = 0;
            foreach (var c in code)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            var fence = new string('`', longest + 1);
            var pad = code[0] == '`' || code[^1] == '`' ? " " : "";
            Raw(fence + pad + code + pad + fence);
        }

        /// <summary>The paragraph, or null when it holds nothing visible.</summary>
        public string? Finish() => hasContent ? text.ToString() : null;

        private void Word(ReadOnlySpan<char> word)
        {
            BeginContent();
            Escape(word, atLineStart);
            atLineStart = false;
            hasContent |= word.ContainsAnyExcept('\u00a0');
        }

        private void BeginContent()
        {
            if (pendingBreaks > 0 && text.Length > 0)
            {
                for (var i = 0; i < pendingBreaks; i++)
                {
                    text.Append("\\\n");
                }

                atLineStart = true;
            }
            else if (pendingSpace && text.Length > 0 && !atLineStart)
            {
                text.Append(' ');
            }

            pendingBreaks = 0;
            pendingSpace = false;
            for (var i = 0; i < open.Count; i++)
            {
                if (!open[i].Written)
                {
                    if (open[i].Delimiter == "[")
                    {
                        GuardExclamation();
                    }

                    text.Append(open[i].Delimiter);
                    open[i] = (open[i].Delimiter, true);
                    atLineStart = false;
                }
            }
        }

        // "Wow!" before a link would make it an image.
        private void GuardExclamation()
        {
            if (text.Length > 0 && text[^1] == '!' && (text.Length < 2 || text[^2] != '\\'))
            {
                text.Insert(text.Length - 1, '\\');
            }
        }

        private void Escape(ReadOnlySpan<char> word, bool lineStart)
        {
            for (var k = 0; k < word.Length; k++)
            {
                var c = word[k];
                var escape = c switch
                {
                    '\\' or '`' or '*' or '[' or ']' or '~' or '^' or '|' => true,
                    '_' => k == 0 || k == word.Length - 1 || !char.IsLetterOrDigit(word[k - 1]) || !char.IsLetterOrDigit(word[k + 1]),
                    '<' => k < word.Length - 1,
                    '&' => IsEntityLike(word[(k + 1)..]),
                    '=' or '+' => (k > 0 && word[k - 1] == c) || (k < word.Length - 1 && word[k + 1] == c),
                    _ => false,
                };
                if (lineStart && k == 0 && c is '#' or '>' or '-' or '+' or '=' or ':')
                {
                    escape = true;
                }

                // "1." or "a)" or "iv." alone at the start of a line would open a list.
                if (lineStart && k == word.Length - 1 && k > 0 && c is '.' or ')' && ListNumber().IsMatch(word[..k]))
                {
                    escape = true;
                }

                if (escape)
                {
                    text.Append('\\');
                }

                text.Append(c);
            }
        }
    }

    private static string Join(List<Block> blocks, string separator) => string.Join(separator, blocks.Select(b => b.Text));

    private static string Indent(string text, string first, string rest)
    {
        var lines = text.Split('\n');
        var result = new StringBuilder(text.Length + (lines.Length * rest.Length));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                result.Append('\n');
            }

            var prefix = i == 0 ? first : rest;
            result.Append(lines[i].Length == 0 ? prefix.TrimEnd() : prefix + lines[i]);
        }

        return result.ToString();
    }

    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (IsHtmlSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static bool IsSafeUrl(string url)
    {
        var scheme = url.AsSpan().TrimStart();
        return !(scheme.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                 || scheme.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
                 || scheme.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A link destination with its optional title, as Markdown reads them back.</summary>
    private static string Destination(string url, string? title)
    {
        url = url.Trim();
        var angle = url.Length == 0 || url.Any(c => c is ' ' or '(' or ')' or '<' or '>' || char.IsControl(c));
        var result = new StringBuilder(url.Length + 8);
        if (angle)
        {
            result.Append('<');
        }

        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            switch (c)
            {
                case '\\':
                    result.Append("\\\\");
                    break;
                case '&' when IsEntityLike(url.AsSpan(i + 1)):
                    result.Append("\\&");
                    break;
                case '<':
                    result.Append("%3C");
                    break;
                case '>':
                    result.Append("%3E");
                    break;
                case ' ':
                    result.Append("%20");
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        if (angle)
        {
            result.Append('>');
        }

        var cleanTitle = Collapse(title ?? "");
        if (cleanTitle.Length > 0)
        {
            result.Append(" \"");
            for (var i = 0; i < cleanTitle.Length; i++)
            {
                var c = cleanTitle[i];
                if (c is '"' or '\\' || (c == '&' && IsEntityLike(cleanTitle.AsSpan(i + 1))))
                {
                    result.Append('\\');
                }

                result.Append(c);
            }

            result.Append('"');
        }

        return result.ToString();
    }
}
