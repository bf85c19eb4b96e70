using System.Text;
using System.Text.RegularExpressions;

namespace BlogSite.Import;

/// <summary>
/// WordPress's classic editor stores paragraphs as blank lines and adds the <c>&lt;p&gt;</c> and <c>&lt;br&gt;</c>
/// only when it shows a post (wpautop), so an exported classic body read as HTML would run into one paragraph.
/// This puts them back, as WordPress would have shown them; block-editor bodies (which carry
/// <c>&lt;!-- wp:</c> comments and their own tags) are returned unchanged.
/// </summary>
public static partial class WordPressParagraphs
{
    // A chunk that starts with one of these is already block-level HTML and is left as it is.
    [GeneratedRegex(
        @"^<(?:p|div|ul|ol|li|dl|h[1-6]|blockquote|pre|table|thead|tbody|tr|figure|hr|section|article|aside|form|iframe|script|style|address|!--)[\s>/]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockStartRegex();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLineRegex();

    [GeneratedRegex("<pre[\\s>]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreOpenRegex();

    [GeneratedRegex("</pre>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreCloseRegex();

    public static string Restore(string body)
    {
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0 || text.Contains("<!-- wp:", StringComparison.Ordinal))
        {
            return body;
        }

        var html = new StringBuilder(text.Length + 64);
        var openPre = 0;
        foreach (var chunk in BlankLineRegex().Split(text))
        {
            if (html.Length > 0)
            {
                html.Append("\n\n");
            }

            // Inside <pre> the blank lines are the author's, not paragraph breaks.
            var keep = openPre > 0 || BlockStartRegex().IsMatch(chunk);
            openPre += PreOpenRegex().Count(chunk) - PreCloseRegex().Count(chunk);
            if (openPre < 0)
            {
                openPre = 0;
            }

            if (keep)
            {
                html.Append(chunk);
            }
            else
            {
                html.Append("<p>").Append(chunk.TrimEnd().Replace("\n", "<br />\n", StringComparison.Ordinal)).Append("</p>");
            }
        }

        return html.ToString();
    }
}
