using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BlogSite.Import;

/// <summary>
/// Turns a Ghost Lexical document (<c>{"root": {"children": [...]}}</c>) into Markdown, BlogSite's own format, so a
/// Markdown card stays as its author wrote it. Paragraphs, headings, quotes (and Ghost's aside), bulleted, numbered
/// and check lists (nested), code blocks, links, images, horizontal rules and line breaks map to their Markdown;
/// text keeps bold, italic, strikethrough and code (underline, highlight, sub- and superscript have no Markdown and
/// are dropped). An HTML card (or an embed) is kept as raw HTML, which BlogSite's renderer shows as text, so each
/// one is noted for the author to review; other cards are left out with a note naming them.
/// </summary>
public static partial class GhostLexical
{
    // Lexical's text format bit flags.
    private const int Bold = 1;
    private const int Italic = 2;
    private const int Strikethrough = 4;
    private const int Code = 16;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"^(?:[-+=]|#{1,6}|\d{1,9}[.)])(?=\s|$)")]
    private static partial Regex BlockMarkerStartRegex();

    /// <summary>The Markdown of the document, or null when it is not a Lexical document (no <c>root</c>).</summary>
    public static string? ToMarkdown(JsonElement document, ICollection<string> notes)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("root", out var root) || root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return Blocks(root, notes);
    }

    private static string Blocks(JsonElement parent, ICollection<string> notes) =>
        string.Join("\n\n", Children(parent).Select(child => Block(child, notes)).Where(block => block.Length > 0));

    private static string Block(JsonElement node, ICollection<string> notes)
    {
        var type = Str(node, "type");
        switch (type)
        {
            case "paragraph":
                return EscapeBlockStart(Inline(node));
            case "heading" or "extended-heading":
                var tag = Str(node, "tag");
                var level = tag is ['h', >= '1' and <= '6'] ? tag[1] - '0' : 2;
                var heading = Inline(node).Replace("\\\n", " ", StringComparison.Ordinal);
                return heading.Length == 0 ? "" : $"{new string('#', level)} {heading}";
            case "quote" or "extended-quote" or "aside":
                var quote = Children(node).Any(IsBlock) ? Blocks(node, notes) : Inline(node);
                return quote.Length == 0 ? "" : string.Join("\n", quote.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line));
            case "list":
                return List(node, "", notes);
            case "codeblock":
                return Fence(Str(node, "code"), Str(node, "language"));
            case "code":
                return Fence(CodeText(node), Str(node, "language"));
            case "horizontalrule":
                return "---";
            case "image":
                return Image(node);
            case "markdown":
                return Str(node, "markdown").Trim('\n');
            case "html" or "embed":
                var html = Str(node, "html").Trim();
                if (html.Length > 0)
                {
                    notes.Add($"an {type} card was kept as raw HTML, which BlogSite shows as text: review the article.");
                }

                return html;
            case "bookmark":
                var url = Str(node, "url");
                var metadata = node.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
                var title = metadata.ValueKind == JsonValueKind.Object ? Str(metadata, "title") : "";
                return url.Length == 0 ? "" : $"[{Escape(title.Length > 0 ? title : url)}]({Destination(url)})";
            default:
                if (Children(node).Length > 0)
                {
                    return Children(node).Any(IsBlock) ? Blocks(node, notes) : EscapeBlockStart(Inline(node));
                }

                notes.Add($"a \"{type}\" card was left out: it has no Markdown.");
                return "";
        }
    }

    private static string List(JsonElement list, string indent, ICollection<string> notes)
    {
        var listType = Str(list, "listType");
        var number = list.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.Number && start.TryGetInt32(out var s) ? s : 1;
        var lines = new List<string>();
        var markerWidth = 2;
        foreach (var item in Children(list))
        {
            var nested = Children(item).Where(c => Str(c, "type") == "list").ToList();
            var content = Children(item).Where(c => Str(c, "type") != "list").ToList();

            // Lexical nests a list in a list item of its own, after the item it belongs under.
            if (content.Count > 0 || nested.Count == 0)
            {
                var marker = listType switch
                {
                    "number" => $"{number++}. ",
                    "check" => item.TryGetProperty("checked", out var c) && c.ValueKind == JsonValueKind.True ? "- [x] " : "- [ ] ",
                    _ => "- ",
                };
                markerWidth = marker.Length;
                var text = InlineOf(content).Replace("\n", "\n" + indent + new string(' ', marker.Length), StringComparison.Ordinal);
                lines.Add(indent + marker + text);
            }

            foreach (var sublist in nested)
            {
                lines.Add(List(sublist, indent + new string(' ', markerWidth), notes));
            }
        }

        return string.Join("\n", lines);
    }

    private static string Inline(JsonElement node) => InlineOf(Children(node));

    private static string InlineOf(IEnumerable<JsonElement> nodes)
    {
        var markdown = new StringBuilder();
        var run = new StringBuilder();
        var runFormat = 0;
        foreach (var node in nodes)
        {
            var type = Str(node, "type");
            if (type is "text" or "extended-text")
            {
                var format = node.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.Number && f.TryGetInt32(out var bits) ? bits : 0;
                if (run.Length > 0 && format != runFormat)
                {
                    markdown.Append(Formatted(run.ToString(), runFormat));
                    run.Clear();
                }

                runFormat = format;
                run.Append(Str(node, "text"));
                continue;
            }

            if (run.Length > 0)
            {
                markdown.Append(Formatted(run.ToString(), runFormat));
                run.Clear();
            }

            switch (type)
            {
                case "linebreak":
                    markdown.Append("\\\n");
                    break;
                case "tab":
                    markdown.Append('\t');
                    break;
                case "link" or "autolink":
                    var label = Inline(node);
                    var url = Str(node, "url");
                    markdown.Append(url.Length == 0 ? label : $"[{label}]({Destination(url)})");
                    break;
                default:
                    markdown.Append(Children(node).Length > 0 ? Inline(node) : Escape(Str(node, "text")));
                    break;
            }
        }

        if (run.Length > 0)
        {
            markdown.Append(Formatted(run.ToString(), runFormat));
        }

        return markdown.ToString();
    }

    private static string Formatted(string text, int format)
    {
        if ((format & Code) != 0)
        {
            return CodeSpan(text);
        }

        // "** bold**" is not bold in Markdown: the markers must touch the text, so spaces go outside them.
        var core = text.Trim();
        if (core.Length == 0)
        {
            return text;
        }

        var leading = text[..(text.Length - text.TrimStart().Length)];
        var trailing = text[(leading.Length + core.Length)..];
        var markdown = Escape(core);
        if ((format & Strikethrough) != 0)
        {
            markdown = $"~~{markdown}~~";
        }

        if ((format & Italic) != 0)
        {
            markdown = $"*{markdown}*";
        }

        if ((format & Bold) != 0)
        {
            markdown = $"**{markdown}**";
        }

        return leading + markdown + trailing;
    }

    private static string Image(JsonElement node)
    {
        var src = Str(node, "src");
        if (src.Length == 0)
        {
            return "";
        }

        var image = $"![{Escape(Str(node, "alt"))}]({Destination(src)})";
        // Ghost's captions are HTML; Markdown here shows only their text.
        var caption = WebUtility.HtmlDecode(TagRegex().Replace(Str(node, "caption"), "")).Trim();
        return caption.Length == 0 ? image : $"{image}\n\n*{Escape(caption)}*";
    }

    private static string CodeText(JsonElement node) =>
        string.Concat(Children(node).Select(c => Str(c, "type") == "linebreak" ? "\n" : Str(c, "text")));

    private static string Fence(string code, string language)
    {
        var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
        var info = new string(language.Where(c => !char.IsWhiteSpace(c) && c != '`').ToArray());
        return $"{fence}{info}\n{code.TrimEnd('\n')}\n{fence}";
    }

    private static string CodeSpan(string text)
    {
        var ticks = new string('`', LongestRun(text, '`') + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{ticks}{pad}{text}{pad}{ticks}";
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    private static string Destination(string url) =>
        url.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '<' or '>')
            ? "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">"
            : url;

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // "&" only starts an entity ("&copy;") when a letter or "#" follows.
            var entity = c == '&' && i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '#');
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '~' or '|' || entity)
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // A paragraph that begins like a list item, a heading or a setext underline would become one.
    private static string EscapeBlockStart(string markdown)
    {
        var marker = BlockMarkerStartRegex().Match(markdown);
        if (!marker.Success)
        {
            return markdown;
        }

        // The backslash goes before the punctuation: "1\. ", "\- ", "\# ".
        var at = char.IsAsciiDigit(markdown[0]) ? marker.Length - 1 : 0;
        return markdown[..at] + "\\" + markdown[at..];
    }

    private static bool IsBlock(JsonElement node) =>
        Str(node, "type") is "paragraph" or "heading" or "extended-heading" or "quote" or "extended-quote" or "list"
            or "codeblock" or "code" or "image" or "markdown" or "html" or "horizontalrule";

    private static JsonElement[] Children(JsonElement node) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array
            ? [.. children.EnumerateArray()]
            : [];

    private static string Str(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";
}
