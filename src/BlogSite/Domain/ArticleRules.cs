namespace BlogSite.Domain;

/// <summary>
/// The limits of an article, whatever path writes it. Each check answers a reader-facing sentence or null; the
/// editor shows them by its fields, the upload and the sync as "field: sentence".
/// </summary>
public static class ArticleRules
{
    public const int MaxTags = 10;

    /// <summary>A body this long is a book, not a post; the content/ file limit is about the same.</summary>
    public const int MaxBodyLength = 1_000_000;
    public const int MaxAliases = 20;
    public const int MaxAliasLength = 400;

    /// <summary>The slug the draft asks for, or the one made from its title.</summary>
    public static string SlugOf(ArticleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return string.IsNullOrWhiteSpace(draft.Slug) ? Slug.From(draft.Title) : draft.Slug.Trim();
    }

    /// <summary>Every problem of the draft, keyed by the name of its field; empty when it may be written.</summary>
    public static IReadOnlyDictionary<string, string> Check(ArticleDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new Dictionary<string, string>();
        Add(nameof(ArticleDraft.Title), TitleProblem(draft.Title));
        Add(nameof(ArticleDraft.Slug), SlugProblem(SlugOf(draft)));
        Add(nameof(ArticleDraft.Summary), SummaryProblem(draft.Summary));
        Add(nameof(ArticleDraft.Category), CategoryProblem(draft.Category));
        Add(nameof(ArticleDraft.Tags), TagsProblem(TagNames(draft.Tags)));
        Add(nameof(ArticleDraft.Body), BodyProblem(draft.Body));
        Add(nameof(ArticleDraft.Aliases), draft.Aliases is { } aliases ? AliasesProblem(aliases) : null);
        return problems;

        void Add(string field, string? problem)
        {
            if (problem is not null)
            {
                problems[field] = problem;
            }
        }
    }

    /// <summary>The tag names, trimmed, without empties or repeats (two names that make one slug are one tag).</summary>
    public static IReadOnlyList<string> TagNames(IEnumerable<string> names) =>
        names.Select(t => t.Trim()).Where(t => t.Length > 0).DistinctBy(Slug.From, StringComparer.Ordinal).ToList();

    public static string? TitleProblem(string title) =>
        string.IsNullOrWhiteSpace(title) ? "Give the article a title."
        : title.Trim().Length > Article.MaxTitleLength ? $"The title can be at most {Article.MaxTitleLength} characters."
        : null;

    public static string? SlugProblem(string slug) =>
        Slug.IsValid(slug) ? null
        : $"'{slug}' can't be a slug: use lower-case letters, digits and single hyphens, at most {Slug.MaxLength} characters.";

    public static string? SummaryProblem(string summary) =>
        summary.Trim().Length > Article.MaxSummaryLength ? $"The summary can be at most {Article.MaxSummaryLength} characters." : null;

    public static string? CategoryProblem(string category) =>
        Slug.From(category.Trim()).Length == 0 ? "A category needs at least one letter or digit."
        : category.Trim().Length > Category.MaxNameLength ? $"A category name can be at most {Category.MaxNameLength} characters."
        : null;

    public static string? TagsProblem(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (tags.Count > MaxTags)
        {
            return $"At most {MaxTags} tags; this has {tags.Count}.";
        }

        return tags.FirstOrDefault(t => !IsTagName(t)) is { } bad
            ? $"'{bad}' can't be a tag: it needs a letter or digit and at most {Tag.MaxNameLength} characters."
            : null;
    }

    /// <summary>Whether <paramref name="name"/> can be a tag: a letter or digit, and at most <see cref="Tag.MaxNameLength"/> characters.</summary>
    public static bool IsTagName(string name) => Slug.From(name).Length > 0 && name.Trim().Length <= Tag.MaxNameLength;

    public static string? BodyProblem(string body) =>
        body.Length > MaxBodyLength ? $"The text can be at most {MaxBodyLength:N0} characters; this has {body.Length:N0}." : null;

    public static string? AliasesProblem(IReadOnlyList<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        if (aliases.Count > MaxAliases)
        {
            return $"At most {MaxAliases} old addresses; this has {aliases.Count}.";
        }

        return aliases.FirstOrDefault(a => AliasPath(a) is null) is { } bad
            ? $"'{bad}' can't be an old address: give a path on this site such as /2019/05/old-name/, at most {MaxAliasLength} characters."
            : null;
    }

    /// <summary>
    /// WordPress's address of every post whatever its permalinks, <c>/?p=123</c>: the one old address with a query,
    /// kept as written. Null for anything else.
    /// </summary>
    public static string? PostIdAlias(string alias) =>
        alias.StartsWith("/?p=", StringComparison.Ordinal) && alias.Length is > 4 and <= 14 && alias[4..].All(char.IsAsciiDigit) ? alias : null;

    /// <summary>
    /// An old address as it is stored and looked up: a path from the site's root, decoded as ASP.NET Core decodes
    /// a request's path, without host, query, fragment or trailing slash (<c>/a/</c> and <c>/a</c> are one address).
    /// Null when it is not a path this site could have served, or is the home page.
    /// </summary>
    public static string? AliasPath(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        var path = alias.Trim();
        if (PostIdAlias(path) is { } postId)
        {
            return postId;
        }

        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            path = absolute.AbsolutePath;
        }

        if (path.Length is 0 or > MaxAliasLength || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal)
            || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal)
            || path.Split('/').Any(segment => segment is "." or "..") || path.Any(char.IsControl) || path.Any(char.IsWhiteSpace))
        {
            return null;
        }

        path = Uri.UnescapeDataString(path).TrimEnd('/');
        return path.Length > 0 ? path : null;
    }
}
