using System.Globalization;
using BlogSite.Domain;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace BlogSite.Content;

/// <summary>What a Markdown file says about itself in its YAML header.</summary>
public sealed record FrontMatter(
    string Title,
    string Slug,
    string Summary,
    string Category,
    IReadOnlyList<string> Tags,
    string Author,
    DateTime? Date,
    bool Draft,
    bool Ads,
    bool Comments);

/// <summary>Either a parsed document or the problems that stop it, each naming its field.</summary>
public sealed record FrontMatterResult(FrontMatter? FrontMatter, string Body, IReadOnlyList<string> Errors)
{
    public bool IsValid => FrontMatter is not null && Errors.Count == 0;
}

public static class FrontMatterParser
{
    private const string Fence = "---";

    /// <summary>Characters between the fences: front matter is a dozen short fields, so more is a mistake or an attack.</summary>
    public const int MaxHeaderCharacters = 16 * 1024;

    /// <summary>Mappings and lists inside each other: the header is a mapping, and a field may hold a list.</summary>
    public const int MaxNestingDepth = 4;

    /// <summary>
    /// Splits the YAML header from the body and checks every field; <paramref name="fallbackSlug"/> (e.g. the file name) is used
    /// when the header has no slug, <paramref name="draftByDefault"/> when it has no <c>draft</c>: files under content/ are
    /// published, uploads wait as drafts.
    /// </summary>
    public static FrontMatterResult Parse(string text, string fallbackSlug, bool draftByDefault = false)
    {
        var (header, body) = Split(text);
        if (header is null)
        {
            return Fail(body, "front matter: the file must start with a '---' line, YAML fields, and a closing '---' line");
        }

        if (header.Length > MaxHeaderCharacters)
        {
            return Fail(body, $"front matter: {header.Length:N0} characters between the '---' fences; at most {MaxHeaderCharacters:N0} are allowed");
        }

        YamlMappingNode map;
        try
        {
            if (Refusal(header) is { } refusal)
            {
                return Fail(body, refusal);
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(header));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return Fail(body, "front matter: expected 'key: value' lines between the '---' fences");
            }

            map = root;
        }
        catch (YamlException ex)
        {
            return Fail(body, $"front matter: not valid YAML at line {FileLine(ex.Start)}: {ex.Message}");
        }

        var errors = new List<string>();
        var title = Scalar(map, "title", errors)?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors.Add("title: required");
        }
        else if (title.Length > Article.MaxTitleLength)
        {
            errors.Add($"title: at most {Article.MaxTitleLength} characters");
        }

        var slug = Scalar(map, "slug", errors)?.Trim() ?? fallbackSlug;
        if (!Domain.Slug.IsValid(slug))
        {
            errors.Add($"slug: '{slug}' must be lower-case letters, digits and single hyphens, at most {Domain.Slug.MaxLength} characters");
        }

        var summary = Scalar(map, "summary", errors)?.Trim() ?? "";
        if (summary.Length > Article.MaxSummaryLength)
        {
            errors.Add($"summary: at most {Article.MaxSummaryLength} characters");
        }

        var category = Scalar(map, "category", errors)?.Trim() ?? "";
        if (category.Length == 0 || Domain.Slug.From(category).Length == 0)
        {
            errors.Add("category: required, with at least one letter or digit");
        }

        var tags = Tags(map, errors);
        var author = Scalar(map, "author", errors)?.Trim() ?? "";
        var date = Date(map, errors);
        var draft = Bool(map, "draft", draftByDefault, errors);
        var ads = Bool(map, "ads", true, errors);
        var comments = Bool(map, "comments", true, errors);

        var frontMatter = new FrontMatter(title, slug, summary, category, tags, author, date, draft, ads, comments);
        return new FrontMatterResult(errors.Count == 0 ? frontMatter : null, body, errors);
    }

    private static FrontMatterResult Fail(string body, string error) => new(null, body, [error]);

    /// <summary>
    /// Reads the header's parser events, before any node is built, for what YamlDotNet's object graph cannot survive:
    /// aliases (a few lines of them expand into billions of nodes, hashed recursively) and deep nesting.
    /// </summary>
    private static string? Refusal(string header)
    {
        var parser = new Parser(new StringReader(header));
        var depth = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var anchor = current switch
            {
                AnchorAlias alias => alias.Value,
                NodeEvent { Anchor.IsEmpty: false } node => node.Anchor,
                _ => AnchorName.Empty,
            };
            if (!anchor.IsEmpty)
            {
                return $"line {FileLine(current.Start)}: YAML anchors and aliases (&{anchor}, *{anchor}) are not allowed in front matter";
            }

            depth += current switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
            if (depth > MaxNestingDepth)
            {
                return $"line {FileLine(current.Start)}: front matter is nested more than {MaxNestingDepth} levels deep; use plain 'key: value' fields and simple lists";
            }
        }

        return null;
    }

    // The header starts on the file's second line, after the opening fence.
    private static long FileLine(Mark mark) => mark.Line + 1;

    private static (string? Header, string Body) Split(string text)
    {
        using var reader = new StringReader(text.TrimStart('\uFEFF'));
        if (reader.ReadLine()?.TrimEnd() != Fence)
        {
            return (null, text);
        }

        var header = new System.Text.StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            if (line.TrimEnd() == Fence)
            {
                return (header.ToString(), reader.ReadToEnd().TrimStart('\r', '\n'));
            }

            header.AppendLine(line);
        }

        return (null, text);
    }

    private static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key, List<string> errors)
    {
        switch (Node(map, key))
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return scalar.Value;
            default:
                errors.Add($"{key}: expected a single value");
                return null;
        }
    }

    private static List<string> Tags(YamlMappingNode map, List<string> errors)
    {
        var values = Node(map, "tags") switch
        {
            null => [],
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? ""),
            YamlScalarNode scalar => (scalar.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            _ => null,
        };
        if (values is null)
        {
            errors.Add("tags: expected a list such as [dotnet, testing]");
            return [];
        }

        var tags = values.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var tag in tags.Where(t => t.Length > 50 || Domain.Slug.From(t).Length == 0))
        {
            errors.Add($"tags: '{tag}' must be 1 to 50 characters with at least one letter or digit");
        }

        return tags;
    }

    private static DateTime? Date(YamlMappingNode map, List<string> errors)
    {
        var text = Scalar(map, "date", errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        errors.Add($"date: '{text}' is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
        return null;
    }

    private static bool Bool(YamlMappingNode map, string key, bool fallback, List<string> errors)
    {
        var text = Scalar(map, key, errors);
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"{key}: expected true or false, not '{text}'");
        return fallback;
    }
}
