using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BlogSite.Import;

/// <summary>
/// The block editor's footnotes (WordPress 6.3 and later) are not in the post's content: the content has the
/// references (<c>&lt;sup data-fn="ID"&gt;&lt;a href="#ID"&gt;</c>) and an empty <c>&lt;!-- wp:footnotes /--&gt;</c>
/// block, and the notes themselves are a JSON list in the post's <c>footnotes</c> meta, which WordPress turns into a
/// list only when it shows the post. This writes that list where the block stands (at the end when there is none),
/// in the shape WordPress shows, so <see cref="HtmlToMarkdown"/> reads it as it reads every other footnote list.
/// </summary>
public static partial class WordPressFootnotes
{
    public const string MetaKey = "footnotes";

    // The block is self-closing, with or without attributes (a class name, an anchor).
    [GeneratedRegex(@"<!--\s*wp:footnotes(?:\s+\{.*?\})?\s*/-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BlockRegex();

    /// <summary>
    /// The body with its footnote list written out, or unchanged when the post has no notes. <paramref name="problem"/>
    /// is null unless the meta could not be read; then the body is unchanged and the problem says why.
    /// </summary>
    public static string Restore(string body, string? meta, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(body);
        problem = null;
        if (string.IsNullOrWhiteSpace(meta))
        {
            return body;
        }

        List<Note>? notes;
        try
        {
            notes = JsonSerializer.Deserialize<List<Note>>(meta, JsonOptions);
        }
        catch (JsonException e)
        {
            problem = $"its footnotes could not be read ({e.Message}); the references are kept without their notes.";
            return body;
        }

        var list = new StringBuilder("<ol class=\"wp-block-footnotes\">");
        var written = 0;
        foreach (var note in notes ?? [])
        {
            if (string.IsNullOrWhiteSpace(note.Id) || note.Content is null)
            {
                continue;
            }

            var id = WebUtility.HtmlEncode(note.Id);
            written++;
            list.Append("<li id=\"").Append(id).Append("\">").Append(note.Content)
                .Append(" <a href=\"#").Append(id).Append("-link\">↩︎</a></li>");
        }

        if (written == 0)
        {
            return body;
        }

        list.Append("</ol>");
        var block = BlockRegex().Match(body);
        return block.Success
            ? string.Concat(body.AsSpan(0, block.Index), list.ToString(), body.AsSpan(block.Index + block.Length))
            : body + "\n\n" + list;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, MaxDepth = 8 };

    private sealed record Note(string? Id, string? Content);
}
