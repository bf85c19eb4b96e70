using System.Text;
using System.Text.RegularExpressions;

namespace BlogSite.Import;

/// <summary>
/// The template markup of a Jekyll or Hugo post turned into the Markdown it stands for, where that is simple:
/// <list type="bullet">
/// <item>Jekyll: <c>{% highlight lang %}…{% endhighlight %}</c> becomes a fenced block; <c>{% raw %}</c> is kept
/// verbatim without its tags; <c>{% post_url %}</c> and <c>{% link %}</c> to another post become that post's old
/// address (a 301 to it here); <c>{{ site.baseurl }}</c> and <c>{{ site.url }}</c> are dropped (the rest is a path
/// on this site) and <c>{{ 'path' | relative_url }}</c> becomes the path.</item>
/// <item>Hugo: <c>{{&lt; highlight lang &gt;}}</c> becomes a fenced block, <c>{{&lt; figure &gt;}}</c> an image (in a
/// figure with its caption), <c>{{&lt; ref &gt;}}</c>/<c>relref</c> another post's old address, and the escaped
/// form <c>{{&lt;/* x */&gt;}}</c> the literal shortcode.</item>
/// </list>
/// Anything else (an include, a YouTube shortcode) is kept as text and named in a note, once per kind.
/// </summary>
public static partial class StaticSiteMarkup
{
    private const RegexOptions Block = RegexOptions.Singleline | RegexOptions.CultureInvariant;

    // The regexes are bounded by the body's size (at most StaticSiteFolder.MaxFileBytes) and are lazy, not nested.
    [GeneratedRegex(@"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", Block)]
    private static partial Regex LiquidRaw();

    [GeneratedRegex(@"\{%-?\s*highlight\s+([A-Za-z0-9_+#.-]+)[^%]*?-?%\}[ \t]*\r?\n?(.*?)\r?\n?[ \t]*\{%-?\s*endhighlight\s*-?%\}", Block)]
    private static partial Regex LiquidHighlight();

    [GeneratedRegex(@"\{%-?\s*(post_url|link)\s+([^\s%]+)\s*-?%\}", Block)]
    private static partial Regex LiquidPostLink();

    [GeneratedRegex(@"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}", Block)]
    private static partial Regex LiquidSiteUrl();

    [GeneratedRegex(@"\{\{-?\s*[""']([^""'{}]*)[""']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}", Block)]
    private static partial Regex LiquidUrlFilter();

    [GeneratedRegex(@"\{%-?\s*([A-Za-z_][A-Za-z0-9_]*)", Block)]
    private static partial Regex LiquidTag();

    [GeneratedRegex(@"\{\{-?\s*([^{}]{1,60}?)\s*-?\}\}", Block)]
    private static partial Regex LiquidOutput();

    [GeneratedRegex(@"\{\{([<%])/\*(.*?)\*/([>%])\}\}", Block)]
    private static partial Regex HugoEscaped();

    [GeneratedRegex(@"\{\{[<%]\s*highlight\s+""?([A-Za-z0-9_+#.-]+)""?[^}]*?[>%]\}\}[ \t]*\r?\n?(.*?)\r?\n?[ \t]*\{\{[<%]\s*/highlight\s*[>%]\}\}", Block)]
    private static partial Regex HugoHighlight();

    [GeneratedRegex(@"\{\{[<%]\s*figure\s+(.*?)\s*/?[>%]\}\}", Block)]
    private static partial Regex HugoFigure();

    [GeneratedRegex(@"([A-Za-z_]+)\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s""']+))", Block)]
    private static partial Regex HugoAttribute();

    [GeneratedRegex(@"\{\{[<%]\s*(?:rel)?ref\s+""?([^""\s>%]+)""?\s*[>%]\}\}", Block)]
    private static partial Regex HugoRef();

    [GeneratedRegex(@"\{\{[<%]\s*([A-Za-z0-9_.-]+)", Block)]
    private static partial Regex HugoShortcode();

    [GeneratedRegex("`+")]
    private static partial Regex Backticks();

    /// <param name="body">The post's body as its file has it.</param>
    /// <param name="generator">Which template language it is written in.</param>
    /// <param name="addressOf">The old address of another post named by a link tag (a file name, a path), or null when there is none.</param>
    /// <param name="notes">Receives a sentence for each kind of markup kept as text.</param>
    public static string Convert(string body, StaticSiteFolder.Generator generator, Func<string, string?> addressOf, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(addressOf);
        ArgumentNullException.ThrowIfNull(notes);
        return generator == StaticSiteFolder.Generator.Jekyll ? Jekyll(body, addressOf, notes) : Hugo(body, addressOf, notes);
    }

    private static string Jekyll(string body, Func<string, string?> addressOf, List<string> notes)
    {
        var output = new StringBuilder(body.Length);
        var kept = new SortedSet<string>(StringComparer.Ordinal);
        var at = 0;
        foreach (Match raw in LiquidRaw().Matches(body))
        {
            output.Append(Liquid(body[at..raw.Index], addressOf, kept, notes));
            output.Append(raw.Groups[1].Value);
            at = raw.Index + raw.Length;
        }

        output.Append(Liquid(body[at..], addressOf, kept, notes));
        if (kept.Count > 0)
        {
            notes.Add($"Liquid kept as text (BlogSite does not run templates): {string.Join(", ", kept)}.");
        }

        return output.ToString();
    }

    private static string Liquid(string text, Func<string, string?> addressOf, SortedSet<string> kept, List<string> notes)
    {
        text = LiquidHighlight().Replace(text, m => Fenced(m.Groups[1].Value, m.Groups[2].Value));
        text = LiquidPostLink().Replace(text, m =>
        {
            if (addressOf(m.Groups[2].Value.Trim('"', '\'')) is { } address)
            {
                return address;
            }

            notes.Add($"{{% {m.Groups[1].Value} {m.Groups[2].Value} %}} names no post of this folder; kept as text.");
            return m.Value;
        });
        text = LiquidSiteUrl().Replace(text, "");
        text = LiquidUrlFilter().Replace(text, m => m.Groups[1].Value);
        foreach (Match tag in LiquidTag().Matches(text))
        {
            kept.Add($"{{% {tag.Groups[1].Value} %}}");
        }

        foreach (Match output in LiquidOutput().Matches(text))
        {
            kept.Add($"{{{{ {output.Groups[1].Value.Trim()} }}}}");
        }

        return text;
    }

    private static string Hugo(string body, Func<string, string?> addressOf, List<string> notes)
    {
        // The escaped form shows a shortcode as text; it is set aside so nothing below reads it as one.
        var escaped = new List<string>();
        var text = HugoEscaped().Replace(body, m =>
        {
            escaped.Add($"{{{{{m.Groups[1].Value}{m.Groups[2].Value}{m.Groups[3].Value}}}}}");
            return $"\u0001{escaped.Count - 1}\u0001";
        });
        text = HugoHighlight().Replace(text, m => Fenced(m.Groups[1].Value, m.Groups[2].Value));
        text = HugoFigure().Replace(text, m => Figure(m.Groups[1].Value));
        text = HugoRef().Replace(text, m =>
        {
            var target = m.Groups[1].Value;
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var (path, anchor) = hash >= 0 ? (target[..hash], target[hash..]) : (target, "");
            if (path.Length == 0)
            {
                return anchor;
            }

            if (addressOf(path.TrimStart('/')) is { } address)
            {
                return address + anchor;
            }

            notes.Add($"the shortcode {m.Value} names no post of this folder; kept as text.");
            return m.Value;
        });
        var kept = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match shortcode in HugoShortcode().Matches(text))
        {
            kept.Add($"{{{{< {shortcode.Groups[1].Value} >}}}}");
        }

        if (kept.Count > 0)
        {
            notes.Add($"Hugo shortcodes kept as text (BlogSite does not run templates): {string.Join(", ", kept)}.");
        }

        for (var i = 0; i < escaped.Count; i++)
        {
            text = text.Replace($"\u0001{i}\u0001", escaped[i], StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Hugo's figure as a Markdown image; with a caption, inside a figure (Markdig's <c>^^^</c> blocks, which the article renderer reads).</summary>
    private static string Figure(string attributes)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in HugoAttribute().Matches(attributes))
        {
            values.TryAdd(attribute.Groups[1].Value, attribute.Groups[2].Success ? attribute.Groups[2].Value
                : attribute.Groups[3].Success ? attribute.Groups[3].Value : attribute.Groups[4].Value);
        }

        if (!values.TryGetValue("src", out var src) || src.Trim().Length == 0)
        {
            return "";
        }

        var caption = values.GetValueOrDefault("caption")?.Trim();
        var alt = values.GetValueOrDefault("alt") ?? caption ?? values.GetValueOrDefault("title") ?? "";
        var destination = src.Contains(' ', StringComparison.Ordinal) ? $"<{src.Trim()}>" : src.Trim();
        var image = Media.ImageMarkdown.For(alt, destination);
        if (values.TryGetValue("link", out var link) && link.Trim().Length > 0)
        {
            image = $"[{image}]({link.Trim()})";
        }

        return string.IsNullOrEmpty(caption) ? image : $"^^^\n{image}\n^^^ {caption.ReplaceLineEndings(" ")}";
    }

    private static string Fenced(string language, string code)
    {
        var longest = Backticks().Matches(code).Select(m => m.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{language.ToLowerInvariant()}\n{code.TrimEnd('\r', '\n')}\n{fence}";
    }
}
