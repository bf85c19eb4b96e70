using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BlogSite.Content;
using YamlDotNet.RepresentationModel;

namespace BlogSite.Import;

/// <summary>
/// Reads the posts of a Jekyll or Hugo site's folder into an <see cref="ImportedSite"/>; it reads and maps, the
/// importer checks and stores.
/// <list type="bullet">
/// <item>Jekyll: <c>_posts/**/YYYY-MM-DD-slug.md|markdown</c> (a file without the date is skipped, as Jekyll skips
/// it) and <c>_drafts/**</c> as drafts. Hugo: <c>content/posts/**</c> and <c>content/post/**</c>, page bundles
/// (<c>slug/index.md</c>; the other Markdown files of a bundle are its resources) and not the sections'
/// <c>_index.md</c>. When none of those folders is there, the Markdown files of the folder itself (and its
/// <c>*/index.md</c> bundles): Jekyll's when they are named by date, else Hugo's.</item>
/// <item>Front matter is YAML, read under the limits of <see cref="FrontMatterParser.LoadHeader"/>. TOML (<c>+++</c>)
/// and JSON front matter are skipped with a note naming the file.</item>
/// <item>Dates keep their zone (<c>2019-05-14 10:30:00 +0200</c>); a date without one is read as UTC (the site's
/// <c>timezone</c> setting is not read). A Jekyll post without <c>date</c> has the date of its file name.</item>
/// <item>The first of <c>category</c>/<c>categories</c> is the category; the others become tags after
/// <c>tags</c>, as the WordPress reader does, so nothing a post was filed under is lost.</item>
/// <item>Old paths (published posts only): Jekyll's permalink (the post's <c>permalink</c>, else <c>_config.yml</c>'s,
/// else the default <c>/:categories/:year/:month/:day/:title.html</c>) and <c>redirect_from</c>; Hugo's <c>url</c>,
/// <c>aliases</c> and its default <c>/posts/slug/</c>. They become 301s.</item>
/// <item>The body is Markdown; Liquid tags and Hugo shortcodes become Markdown where that is simple
/// (<see cref="StaticSiteMarkup"/>) and are kept as text with a note otherwise.</item>
/// </list>
/// The walk is bounded: at most <see cref="MaxFiles"/> files under the post folders, <see cref="MaxDepth"/>
/// folders deep, hidden files and links skipped, and a post of more than <see cref="MaxFileBytes"/> is skipped.
/// </summary>
public static partial class StaticSiteFolder
{
    /// <summary>Files looked at under the post folders (images of bundles included): a large blog has a few thousand.</summary>
    public const int MaxFiles = 20_000;

    public const int MaxDepth = 8;

    /// <summary>Twice the longest body an article may have (<see cref="Domain.ArticleRules.MaxBodyLength"/> characters).</summary>
    public const long MaxFileBytes = 2_000_000;

    private static readonly string[] MarkdownExtensions = [".md", ".markdown"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const string JekyllDefaultPermalink = "/:categories/:year/:month/:day/:title:output_ext";

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})-(.+)$")]
    private static partial Regex DatedName();

    [GeneratedRegex(@"\s*([+-])(\d{2}):?(\d{2})$")]
    private static partial Regex TrailingOffset();

    [GeneratedRegex(":([a-z_]+)")]
    private static partial Regex Placeholder();

    /// <summary>Which generator wrote the folder: it decides the default old address.</summary>
    public enum Generator
    {
        Jekyll,
        Hugo,
    }

    /// <summary>A post's file: where it is, whose it is, and what its place says (a Jekyll draft, a Hugo section).</summary>
    private sealed record PostFile(string FullPath, string RelativePath, Generator Generator, bool InDrafts, string Slug, DateTimeOffset? NameDate, string HugoDir);

    public static Task<ImportedSite> ReadAsync(string folder, CancellationToken ct) => Task.Run(() => Read(folder, ct), ct);

    public static ImportedSite Read(string folder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{folder} is not a folder.");
        }

        var skipped = new List<ImportSkip>();
        var config = JekyllConfig(root, skipped);
        var files = FindPosts(root, skipped, ct);
        if (files.Count == 0)
        {
            throw new ImportFormatException(folder,
                "no posts found: looked for _posts/ and _drafts/ (Jekyll), content/posts/ and content/post/ (Hugo), and Markdown files in the folder itself");
        }

        var posts = new List<(PostFile File, ParsedPost Post)>();
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            if (Parse(file, config, skipped) is { } post)
            {
                posts.Add((file, post));
            }
        }

        // Links between posts (post_url, ref) lead to the linked post's old address, which becomes a 301 to it here.
        var addresses = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (file, post) in posts)
        {
            if (post.OldPaths.Count > 0)
            {
                foreach (var key in LinkKeys(file))
                {
                    addresses.TryAdd(key, post.OldPaths[0]);
                }
            }
        }

        var articles = new List<ImportedArticle>();
        foreach (var (file, post) in posts)
        {
            var notes = new List<string>();
            var body = StaticSiteMarkup.Convert(post.Body, file.Generator, key => addresses.GetValueOrDefault(key), notes);
            skipped.AddRange(notes.Concat(post.Notes).Select(note => new ImportSkip(file.RelativePath, note)));
            articles.Add(post.Article with { Body = body });
        }

        return new ImportedSite(articles, skipped);
    }

    private static List<PostFile> FindPosts(string root, List<ImportSkip> skipped, CancellationToken ct)
    {
        var budget = new WalkBudget();
        var files = new List<PostFile>();
        foreach (var (folder, drafts) in new[] { ("_posts", false), ("_drafts", true) })
        {
            var dir = Path.Combine(root, folder);
            if (Directory.Exists(dir))
            {
                files.AddRange(JekyllPosts(root, Walk(root, dir, budget, ct), drafts, skipped));
            }
        }

        var content = Path.Combine(root, "content");
        foreach (var sectionName in new[] { "posts", "post" })
        {
            var dir = Path.Combine(content, sectionName);
            if (Directory.Exists(dir))
            {
                files.AddRange(HugoPosts(root, content, Walk(root, dir, budget, ct), skipped));
            }
        }

        if (files.Count > 0)
        {
            return files;
        }

        // The folder itself holds the posts (the user pointed at _posts/ or content/posts/, or a folder of exports).
        var own = Directory.EnumerateFiles(root, "*", Options(recurse: false)).Where(IsMarkdown)
            .Concat(Directory.EnumerateDirectories(root, "*", Options(recurse: false))
                .SelectMany(dir => MarkdownExtensions.Select(ext => Path.Combine(dir, "index" + ext))).Where(File.Exists))
            .Take(MaxFiles + 1).ToList();
        if (own.Count > MaxFiles)
        {
            throw TooMany(root, root);
        }

        var name = Path.GetFileName(root);
        var dated = own.Count(f => DatedName().IsMatch(Path.GetFileNameWithoutExtension(f)));
        if (name is "_posts" or "_drafts" || (dated > 0 && dated * 2 >= own.Count))
        {
            return [.. JekyllPosts(root, own, name == "_drafts", skipped)];
        }

        // Hugo's default address starts with the section; a folder not named like one is taken for posts/.
        var section = name.ToLowerInvariant() is "posts" or "post" ? name.ToLowerInvariant() : "posts";
        return [.. HugoPosts(root, root, own, skipped, section)];
    }

    private static IEnumerable<PostFile> JekyllPosts(string root, IEnumerable<string> paths, bool drafts, List<ImportSkip> skipped)
    {
        foreach (var path in paths.Where(IsMarkdown))
        {
            var relative = Relative(root, path);
            var name = Path.GetFileNameWithoutExtension(path);
            var match = DatedName().Match(name);
            DateTimeOffset? date = null;
            if (match.Success && DateTime.TryParseExact($"{match.Groups[1]}-{match.Groups[2]}-{match.Groups[3]}", "yyyy-MM-dd",
                    CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
            {
                date = new DateTimeOffset(day, TimeSpan.Zero);
                name = match.Groups[4].Value;
            }
            else if (!drafts)
            {
                skipped.Add(new ImportSkip(relative, "a post's file name must start with its date (YYYY-MM-DD-title.md), as Jekyll requires; Jekyll does not publish it either."));
                continue;
            }

            yield return new PostFile(path, relative, Generator.Jekyll, drafts, name, date, "");
        }
    }

    private static IEnumerable<PostFile> HugoPosts(string root, string content, IReadOnlyList<string> paths, List<ImportSkip> skipped, string? section = null)
    {
        var markdown = paths.Where(IsMarkdown).ToList();
        // A leaf bundle is a folder with an index.md; the other Markdown files in it are resources of that page.
        var bundles = markdown.Where(p => Path.GetFileNameWithoutExtension(p) == "index").Select(Path.GetDirectoryName).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var path in markdown)
        {
            var relative = Relative(root, path);
            var name = Path.GetFileNameWithoutExtension(path);
            var dir = Path.GetDirectoryName(path)!;
            if (name == "_index")
            {
                skipped.Add(new ImportSkip(relative, "a section's list page (_index.md), not a post."));
                continue;
            }

            if (name != "index" && InBundle(dir, content, bundles))
            {
                continue;
            }

            if (name == "index")
            {
                if (InBundle(Path.GetDirectoryName(dir)!, content, bundles) || string.Equals(dir, root, StringComparison.Ordinal))
                {
                    continue;
                }

                name = Path.GetFileName(dir);
                dir = Path.GetDirectoryName(dir)!;
            }

            var hugoDir = section ?? Relative(content, dir);
            yield return new PostFile(path, relative, Generator.Hugo, false, name, null, hugoDir);
        }
    }

    private static bool InBundle(string dir, string content, HashSet<string> bundles)
    {
        for (var current = dir; current is not null && current.Length > content.Length; current = Path.GetDirectoryName(current))
        {
            if (bundles.Contains(current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What one file says: the article (its body still as written) and notes about what was not read.</summary>
    private sealed record ParsedPost(ImportedArticle Article, string Body, IReadOnlyList<string> OldPaths, List<string> Notes);

    private static ParsedPost? Parse(PostFile file, SiteConfig config, List<ImportSkip> skipped)
    {
        var where = file.RelativePath;
        var length = new FileInfo(file.FullPath).Length;
        if (length > MaxFileBytes)
        {
            skipped.Add(new ImportSkip(where, $"the file is {length:N0} bytes; a post can be at most {MaxFileBytes:N0}."));
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(File.ReadAllBytes(file.FullPath)).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            skipped.Add(new ImportSkip(where, "the file is not UTF-8 text."));
            return null;
        }

        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var n and >= 0 ? n : text.Length)).TrimEnd();
        if (firstLine.SequenceEqual("+++"))
        {
            skipped.Add(new ImportSkip(where, "its front matter is TOML (+++), which is not read; convert it to YAML (--- fences) and import again."));
            return null;
        }

        if (firstLine.StartsWith("{"))
        {
            skipped.Add(new ImportSkip(where, "its front matter is JSON, which is not read; convert it to YAML (--- fences) and import again."));
            return null;
        }

        if (!firstLine.SequenceEqual("---") || SplitYaml(text) is not var (header, body))
        {
            skipped.Add(new ImportSkip(where, "the file has no front matter (a '---' line, YAML fields, and a closing '---' line)."));
            return null;
        }

        var (map, problem) = FrontMatterParser.LoadHeader(header);
        if (map is null)
        {
            skipped.Add(new ImportSkip(where, problem!));
            return null;
        }

        var fields = new Fields(map);
        var notes = new List<string>();
        var jekyll = file.Generator == Generator.Jekyll;
        var slug = fields.Scalar("slug") ?? file.Slug;
        var title = fields.Scalar("title") is { Length: > 0 } named ? named : TitleFrom(file.Slug);
        if (fields.Scalar("title") is not { Length: > 0 })
        {
            notes.Add($"it has no title; it is called \"{title}\" after its file.");
        }

        var date = fields.Date("date", notes) ?? file.NameDate;
        var updated = fields.Date("lastmod", notes) ?? fields.Date("last_modified_at", notes) ?? fields.Date("updated", notes);
        var draft = file.InDrafts || fields.Bool("draft") == true || fields.Bool("published") == false;

        var categories = fields.Words("category", jekyll).Concat(fields.Words("categories", jekyll))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var tags = fields.Words("tags", jekyll).Concat(fields.Words("tag", jekyll)).Concat(categories.Skip(1))
            .Where(t => !string.Equals(t, categories.FirstOrDefault(), StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var author = fields.Scalar("author") ?? fields.Child("author")?.Scalar("name") ?? (fields.List("authors") is [var first, ..] ? first : null) ?? config.Author ?? "";
        var summary = fields.Scalar("description") ?? fields.Scalar("summary") ?? fields.Scalar("excerpt") ?? "";
        var feature = fields.Scalar("image") ?? fields.Child("image")?.Scalar("path") ?? fields.Scalar("feature_image")
            ?? fields.Scalar("featured_image") ?? (fields.List("images") is [var image, ..] ? image : null) ?? fields.Scalar("cover") ?? fields.Child("cover")?.Scalar("image");

        var oldPaths = new List<string>();
        if (!draft)
        {
            if (jekyll)
            {
                var permalink = fields.Scalar("permalink") ?? config.Permalink;
                oldPaths.Add(Expand(permalink, date ?? file.NameDate, slug, categories));
                oldPaths.AddRange(fields.List("redirect_from"));
            }
            else
            {
                if (fields.Scalar("url") is { Length: > 0 } url)
                {
                    oldPaths.Add(url);
                }

                var path = ("/" + file.HugoDir.Trim('/') + "/" + Uri.EscapeDataString(slug) + "/").Replace("//", "/", StringComparison.Ordinal).ToLowerInvariant();
                oldPaths.Add(path);
                // Hugo resolves an alias without a leading slash against the page's section.
                oldPaths.AddRange(fields.List("aliases").Select(a => a.StartsWith('/') ? a : "/" + file.HugoDir.Trim('/') + "/" + a));
            }
        }

        var article = new ImportedArticle(
            SourceId: file.RelativePath,
            Title: title,
            Slug: slug,
            Summary: summary,
            Category: categories.FirstOrDefault(),
            Tags: tags,
            Draft: draft,
            PublishedAt: date?.UtcDateTime,
            UpdatedAt: updated?.UtcDateTime,
            AuthorName: author,
            AuthorEmail: null,
            Body: body,
            BodyFormat: ImportedBodyFormat.Markdown,
            OldPaths: oldPaths,
            Comments: [],
            FeatureImage: feature);
        return new ParsedPost(article, body, oldPaths, notes);
    }

    /// <summary>The names another post may link to this one by: Jekyll's post_url (the file name without extension) and Hugo's ref (a path, a name).</summary>
    private static IEnumerable<string> LinkKeys(PostFile file)
    {
        var relative = file.RelativePath;
        var noExtension = Path.ChangeExtension(relative, null).Replace('\\', '/');
        yield return relative;
        yield return noExtension;
        yield return Path.GetFileName(relative);
        yield return Path.GetFileNameWithoutExtension(relative);
        foreach (var prefix in new[] { "_posts/", "_drafts/", "content/" })
        {
            if (noExtension.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return noExtension[prefix.Length..];
                yield return relative[prefix.Length..];
            }
        }

        if (file.Generator == Generator.Hugo)
        {
            yield return file.Slug;
            yield return $"{file.HugoDir.Trim('/')}/{file.Slug}";
        }
    }

    /// <summary>A Jekyll permalink pattern (or named style) filled in for one post, escaped as Jekyll writes its addresses.</summary>
    private static string Expand(string pattern, DateTimeOffset? date, string slug, IReadOnlyList<string> categories)
    {
        pattern = pattern switch
        {
            "date" => JekyllDefaultPermalink,
            "pretty" => "/:categories/:year/:month/:day/:title/",
            "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
            "none" => "/:categories/:title:output_ext",
            _ => pattern,
        };
        var d = date ?? DateTimeOffset.UnixEpoch;
        var path = Placeholder().Replace(pattern, match => match.Groups[1].Value switch
        {
            "year" => d.Year.ToString("0000", CultureInfo.InvariantCulture),
            "short_year" => d.ToString("yy", CultureInfo.InvariantCulture),
            "month" => d.ToString("MM", CultureInfo.InvariantCulture),
            "i_month" => d.Month.ToString(CultureInfo.InvariantCulture),
            "day" => d.ToString("dd", CultureInfo.InvariantCulture),
            "i_day" => d.Day.ToString(CultureInfo.InvariantCulture),
            "y_day" => d.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
            "hour" => d.ToString("HH", CultureInfo.InvariantCulture),
            "minute" => d.ToString("mm", CultureInfo.InvariantCulture),
            "second" => d.ToString("ss", CultureInfo.InvariantCulture),
            "title" or "name" => Uri.EscapeDataString(slug),
            "slug" => Domain.Slug.From(slug),
            // Jekyll lower-cases the categories in an address and leaves out repeats.
            "categories" => string.Join('/', categories.Select(c => Uri.EscapeDataString(c.ToLowerInvariant())).Distinct(StringComparer.Ordinal)),
            "output_ext" => ".html",
            _ => match.Value,
        });
        while (path.Contains("//", StringComparison.Ordinal))
        {
            path = path.Replace("//", "/", StringComparison.Ordinal);
        }

        return path.StartsWith('/') ? path : "/" + path;
    }

    /// <summary>What the site's <c>_config.yml</c> says that posts inherit: its permalink style and its author.</summary>
    private sealed record SiteConfig(string Permalink, string? Author);

    private static SiteConfig JekyllConfig(string root, List<ImportSkip> skipped)
    {
        var path = Path.Combine(root, "_config.yml");
        var fallback = new SiteConfig(JekyllDefaultPermalink, null);
        if (!File.Exists(path))
        {
            return fallback;
        }

        // The site's settings are read like front matter: a short file, under the same YAML limits.
        var info = new FileInfo(path);
        var (map, problem) = info.Length <= FrontMatterParser.MaxHeaderCharacters * 4
            ? FrontMatterParser.LoadHeader(File.ReadAllText(path))
            : (null, $"{info.Length:N0} bytes is more than the settings file of a blog needs");
        if (map is null)
        {
            skipped.Add(new ImportSkip("_config.yml", $"not read ({problem}); posts get Jekyll's default addresses."));
            return fallback;
        }

        var fields = new Fields(map);
        return new SiteConfig(fields.Scalar("permalink") ?? JekyllDefaultPermalink, fields.Scalar("author") ?? fields.Child("author")?.Scalar("name"));
    }

    private static (string Header, string Body)? SplitYaml(string text)
    {
        using var reader = new StringReader(text);
        reader.ReadLine();
        var header = new StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            if (line.TrimEnd() is "---" or "...")
            {
                return (header.ToString(), reader.ReadToEnd().TrimStart('\r', '\n'));
            }

            header.AppendLine(line);
            if (header.Length > FrontMatterParser.MaxHeaderCharacters)
            {
                return (header.ToString(), "");
            }
        }

        return null;
    }

    private static DateTimeOffset? ParseDate(string text)
    {
        // Jekyll writes offsets as +0200; .NET reads +02:00.
        var normalised = TrailingOffset().Replace(text.Trim(), " $1$2:$3");
        return DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    private static string TitleFrom(string slug) =>
        string.Join(' ', slug.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static bool IsMarkdown(string path) => MarkdownExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static EnumerationOptions Options(bool recurse) => new()
    {
        RecurseSubdirectories = recurse,
        MaxRecursionDepth = MaxDepth,
        IgnoreInaccessible = true,
        // Dot-folders (.git) are not posts; a link could lead outside the folder.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    private sealed class WalkBudget
    {
        public int Files { get; set; }
    }

    private static List<string> Walk(string root, string dir, WalkBudget budget, CancellationToken ct)
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dir, "*", Options(recurse: true)))
        {
            ct.ThrowIfCancellationRequested();
            if (++budget.Files > MaxFiles)
            {
                throw TooMany(root, dir);
            }

            files.Add(file);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static ImportFormatException TooMany(string root, string dir) =>
        new(Relative(root, dir) is "." ? "the folder" : Relative(root, dir), $"more than {MaxFiles:N0} files under the post folders; import a smaller part of the site at a time.");

    /// <summary>Front matter fields, read leniently: a field of an unexpected shape is as good as absent.</summary>
    private sealed class Fields(YamlMappingNode map)
    {
        private YamlNode? Node(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public string? Scalar(string key) => Node(key) is YamlScalarNode { Value: { } value } && value.Trim().Length > 0 ? value.Trim() : null;

        public Fields? Child(string key) => Node(key) is YamlMappingNode child ? new Fields(child) : null;

        public bool? Bool(string key) => Scalar(key) is { } text && bool.TryParse(text, out var value) ? value : null;

        public IReadOnlyList<string> List(string key) => Node(key) switch
        {
            YamlSequenceNode list => [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(v => v.Length > 0)],
            YamlScalarNode { Value: { Length: > 0 } value } => [value.Trim()],
            _ => [],
        };

        /// <summary>Tags and categories: a list, or one value that Jekyll splits at spaces (Hugo at commas).</summary>
        public IReadOnlyList<string> Words(string key, bool jekyll) => Node(key) is YamlScalarNode { Value: { } value }
            ? [.. value.Split(value.Contains(',', StringComparison.Ordinal) || !jekyll ? [','] : [' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : List(key);

        public DateTimeOffset? Date(string key, List<string> notes)
        {
            if (Scalar(key) is not { } text)
            {
                return null;
            }

            if (ParseDate(text) is { } date)
            {
                return date;
            }

            notes.Add($"{key}: '{text}' is not a date, so it was not read.");
            return null;
        }
    }
}
