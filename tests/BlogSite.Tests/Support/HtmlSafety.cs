using System.Net;
using AngleSharp.Html.Parser;

namespace BlogSite.Tests.Support;

/// <summary>Says what in a piece of HTML could run script in a browser.</summary>
internal static class HtmlSafety
{
    private static readonly HashSet<string> ForbiddenElements =
        new(["script", "iframe", "object", "embed", "style", "form"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> UrlAttributes =
        new(["href", "src", "action", "formaction", "xlink:href"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] DangerousSchemes = ["javascript:", "vbscript:", "data:text/html"];

    public static IReadOnlyList<string> Problems(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var problems = new List<string>();
        // All, not Body: a parser moves a leading <script> or <style> into <head>.
        foreach (var element in document.All)
        {
            if (ForbiddenElements.Contains(element.LocalName))
            {
                problems.Add($"<{element.LocalName}> element");
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"<{element.LocalName} {name}>: event handler attribute");
                }
                else if (string.Equals(attribute.LocalName, "style", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"<{element.LocalName} style>: style attribute");
                }
                else if ((UrlAttributes.Contains(name) || UrlAttributes.Contains(attribute.LocalName)) && IsDangerousUrl(attribute.Value))
                {
                    problems.Add($"<{element.LocalName} {name}=\"{attribute.Value}\">: script URL");
                }
            }
        }

        return problems;
    }

    /// <summary>As a browser reads a URL: entities decoded, whitespace and control characters ignored, any case.</summary>
    public static bool IsDangerousUrl(string value)
    {
        var decoded = WebUtility.HtmlDecode(value);
        var compact = string.Concat(decoded.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))).ToLowerInvariant();
        return DangerousSchemes.Any(scheme => compact.StartsWith(scheme, StringComparison.Ordinal));
    }

    public static void AssertSafe(string html, string input)
    {
        var problems = Problems(html);
        Assert.True(problems.Count == 0,
            $"Unsafe HTML for input {input}:\n  {string.Join("\n  ", problems)}\nHTML:\n{html}");
    }
}
