using Ganss.Xss;

namespace BlogSite.Content;

/// <summary>Allow-lists for rendered Markdown: only what Markdig writes for prose, tables, code and footnotes.</summary>
internal static class Sanitizers
{
    private static readonly string[] ArticleTags =
    [
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl", "dt", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li",
        "mark", "ol", "p", "pre", "s", "section", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "u", "ul",
    ];

    private static readonly string[] ArticleAttributes =
    [
        "alt", "class", "colspan", "data-lang", "href", "id", "rowspan", "src", "start", "title", "type",
        "checked", "disabled", "align",
    ];

    public static HtmlSanitizer Article()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(ArticleTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(ArticleAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                LetKeyboardScroll(element);
            }

            // Task lists are the only inputs Markdig writes: keep them as inert, disabled checkboxes.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "input" } input)
            {
                if (!string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
                {
                    input.Remove();
                    return;
                }

                input.SetAttribute("disabled", "disabled");
            }
        };
        return sanitizer;
    }

    /// <summary>
    /// Code blocks and tables scroll sideways in their own box when a line is too long for the screen; only a box
    /// that takes focus can be scrolled from the keyboard, so both join the tab order.
    /// </summary>
    public static void LetKeyboardScroll(AngleSharp.Dom.IElement element)
    {
        if (element.LocalName is "pre" or "table")
        {
            element.SetAttribute("tabindex", "0");
        }
    }
}
