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
    bool Comments,
    IReadOnlyList<string> Aliases)
{
    /// <summary>What the file asks of its article, for the article writer.</summary>
    public ArticleDraft ToDraft(string body) => new()
    {
        Title = Title,
        Slug = Slug,
        Summary = Summary,
        Category = Category,
        Tags = Tags,
        Status = Draft ? ArticleStatus.Draft : ArticleStatus.Published,
        PublishAt = Date,
        AdsOff = !Ads,
        CommentsClosed = !Comments,
        Body = body,
        Aliases = Aliases,
    };
}

/// <summary>
/// Either a parsed document or the problems that stop it, each naming its field; <see cref="Warnings"/> name what
/// was ignored (an unknown field such as <c>draf: true</c>, which would otherwise publish a draft silently).
/// </summary>
public sealed record FrontMatterResult(FrontMatter? FrontMatter, string Body, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
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

        var (map, problem) = LoadHeader(header);
        if (map is null)
        {
            return Fail(body, problem!);
        }

        // The limits are the article's own (ArticleRules), so a file and the editor accept the same articles.
        var errors = new List<string>();
        var title = Scalar(map, "title", errors)?.Trim() ?? "";
        Check("title", ArticleRules.TitleProblem(title), errors);
        var slug = Scalar(map, "slug", errors)?.Trim() ?? fallbackSlug;
        Check("slug", ArticleRules.SlugProblem(slug), errors);
        var summary = Scalar(map, "summary", errors)?.Trim() ?? "";
        Check("summary", ArticleRules.SummaryProblem(summary), errors);
        var category = Scalar(map, "category", errors)?.Trim() ?? "";
        Check("category", ArticleRules.CategoryProblem(category), errors);
        var tags = List(map, "tags", errors);
        Check("tags", ArticleRules.TagsProblem(tags), errors);
        var aliases = List(map, "aliases", errors);
        Check("aliases", ArticleRules.AliasesProblem(aliases), errors);
        var author = Scalar(map, "author", errors)?.Trim() ?? "";
        var date = Date(map, errors);
        var draft = Bool(map, "draft", draftByDefault, errors);
        var ads = Bool(map, "ads", true, errors);
        var comments = Bool(map, "comments", true, errors);
        var warnings = map.Children.Keys
            .Select(key => (key as YamlScalarNode)?.Value ?? key.ToString())
            .Where(key => !Fields.Contains(key))
            .Select(key => $"{key}: not a front matter field, ignored (the fields are {string.Join(", ", Fields)})")
            .ToList();

        var frontMatter = new FrontMatter(title, slug, summary, category, tags, author, date, draft, ads, comments, aliases);
        return new FrontMatterResult(errors.Count == 0 ? frontMatter : null, body, errors, warnings);
    }

    /// <summary>The fields front matter may hold; any other is reported as ignored.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["title", "slug", "summary", "category", "tags", "author", "date", "draft", "ads", "comments", "aliases"];

    /// <summary>
    /// The YAML between the fences as a mapping, under the limits front matter is read with (its size, no anchors or
    /// aliases, shallow nesting), or the problem that stops it; other readers of front matter (the folder importer) use it too.
    /// </summary>
    public static (YamlMappingNode? Map, string? Problem) LoadHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Length > MaxHeaderCharacters)
        {
            return (null, $"front matter: {header.Length:N0} characters between the '---' fences; at most {MaxHeaderCharacters:N0} are allowed");
        }

        try
        {
            if (Refusal(header) is { } refusal)
            {
                return (null, refusal);
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(header));
            return stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
                ? (null, "front matter: expected 'key: value' lines between the '---' fences")
                : (root, null);
        }
        catch (YamlException ex)
        {
            return (null, $"front matter: not valid YAML at line {FileLine(ex.Start)}: {ex.Message}");
        }
    }

    private static void Check(string field, string? problem, List<string> errors)
    {
        if (problem is not null)
        {
            errors.Add($"{field}: {problem}");
        }
    }

    private static FrontMatterResult Fail(string body, string error) => new(null, body, [error], []);

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

    /// <summary>A list field, as a YAML list or one comma-separated value.</summary>
    private static IReadOnlyList<string> List(YamlMappingNode map, string key, List<string> errors)
    {
        var values = Node(map, key) switch
        {
            null => [],
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? ""),
            YamlScalarNode scalar => (scalar.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            _ => null,
        };
        if (values is null)
        {
            errors.Add($"{key}: expected a list such as [first, second]");
            return [];
        }

        return key == "tags" ? ArticleRules.TagNames(values) : values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
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
