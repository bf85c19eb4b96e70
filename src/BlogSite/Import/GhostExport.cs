using System.Globalization;
using System.Text.Json;

namespace BlogSite.Import;

/// <summary>
/// Reads a Ghost JSON export (Settings → Labs → Export; <c>{"db": [{"meta", "data"}]}</c>, or the bare
/// <c>{"meta", "data"}</c> Ghost's importer also accepts) into an <see cref="ImportedSite"/>.
/// <list type="bullet">
/// <item>Rows of <c>data.posts</c> of type <c>post</c> are articles; pages (<c>type: "page"</c>, or <c>page: true</c>
/// in exports before Ghost 3) are skipped with a note.</item>
/// <item>Status <c>published</c> and <c>scheduled</c> are published (a future <c>published_at</c> shows as
/// scheduled); <c>draft</c>, <c>sent</c> (a newsletter sent by e-mail only, never on the web) and any other are
/// drafts.</item>
/// <item>The body is <c>html</c> (HTML) when present; else the <c>lexical</c> document, walked into Markdown by
/// <see cref="GhostLexical"/>; else a <c>mobiledoc</c> made only of Markdown cards (Ghost 1–2) or the
/// <c>markdown</c> column (Ghost 0.x), as Markdown; anything else is imported with an empty body and a note.</item>
/// <item>Ghost has tags, not categories: the primary tag (the first public one) is the category and the other
/// public tags are the tags; internal tags (<c>#…</c>, visibility <c>internal</c>) are dropped. A post with no
/// public tag has no category, for the writer's default.</item>
/// <item>The author is the first of <c>posts_authors</c> (Ghost 1.22+), else the post's <c>author_id</c>.</item>
/// <item>Ghost 4+ writes its own site address as <c>__GHOST_URL__</c>; it becomes the given site address, or
/// nothing (a root-relative link) when none is given.</item>
/// <item>Old paths (published posts only): <c>/slug/</c>, Ghost's default permalink.</item>
/// </list>
/// At most <see cref="MaxBytes"/> bytes are read and JSON is nested at most <see cref="MaxDepth"/> deep.
/// </summary>
public static class GhostExport
{
    /// <summary>Ghost exports hold text only (images are not in them): large blogs export a few tens of MB.</summary>
    public const long MaxBytes = 100 * 1024 * 1024;

    /// <summary>An export is about six levels deep; a Lexical body with nested lists a few dozen.</summary>
    public const int MaxDepth = 64;

    private const string GhostUrlPlaceholder = "__GHOST_URL__";

    public static Task<ImportedSite> ReadAsync(Stream export, CancellationToken ct) => ReadAsync(export, siteUrl: null, MaxBytes, ct);

    public static async Task<ImportedSite> ReadAsync(Stream export, Uri? siteUrl, long maxBytes, CancellationToken ct)
    {
        var bytes = await ReadBoundedAsync(export, maxBytes, ct);
        using var document = Parse(bytes, "$");
        return Map(document.RootElement, siteUrl?.GetLeftPart(UriPartial.Path).TrimEnd('/') ?? "");
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(Stream export, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await export.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ImportFormatException("$", $"the export is larger than {maxBytes:N0} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        ReadOnlyMemory<byte> bytes = buffer.ToArray();
        // A byte-order mark is legal in a file but not in JSON text.
        return bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
    }

    internal static JsonDocument Parse(ReadOnlyMemory<byte> json, string where)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new ImportFormatException(
                string.Create(CultureInfo.InvariantCulture, $"{where} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"),
                "the JSON is not valid: " + e.Message);
        }
    }

    private static ImportedSite Map(JsonElement root, string siteUrl)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ImportFormatException("$", "this is not a Ghost export: it is not a JSON object.");
        }

        var (export, path) = root.TryGetProperty("db", out var db)
            ? (FirstExport(db), "$.db[0]")
            : (root, "$");
        if (!export.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new ImportFormatException(path, "this is not a Ghost export: it has no \"data\" object.");
        }

        path += ".data";
        var users = new Dictionary<string, (string Name, string? Email)>(StringComparer.Ordinal);
        foreach (var (user, userPath) in Rows(data, "users", path))
        {
            users.TryAdd(
                Text(user, "id", userPath) ?? "",
                (Text(user, "name", userPath) ?? Text(user, "slug", userPath) ?? "", Text(user, "email", userPath)));
        }

        var tags = new Dictionary<string, (string Name, string? Visibility)>(StringComparer.Ordinal);
        foreach (var (tag, tagPath) in Rows(data, "tags", path))
        {
            tags.TryAdd(Text(tag, "id", tagPath) ?? "", ((Text(tag, "name", tagPath) ?? "").Trim(), Text(tag, "visibility", tagPath)));
        }

        var postTags = Links(data, "posts_tags", "tag_id", path);
        var postAuthors = Links(data, "posts_authors", "author_id", path);

        if (!data.TryGetProperty("posts", out var posts) || posts.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFormatException(path + ".posts", "this is not a Ghost export: it has no \"posts\" array.");
        }

        var articles = new List<ImportedArticle>();
        var skipped = new List<ImportSkip>();
        foreach (var (post, postPath) in Rows(data, "posts", path))
        {
            var id = Text(post, "id", postPath) ?? throw new ImportFormatException(postPath + ".id", "the post has no id.");
            var title = (Text(post, "title", postPath) ?? "").Trim();
            var where = $"post {id} \"{title}\"";
            var isPage = Text(post, "type", postPath) == "page"
                || (post.TryGetProperty("page", out var page) && (page.ValueKind == JsonValueKind.True || (page.ValueKind == JsonValueKind.Number && page.GetRawText() != "0")));
            if (isPage)
            {
                skipped.Add(new ImportSkip(where, "pages are not imported."));
                continue;
            }

            if (title.Length == 0)
            {
                skipped.Add(new ImportSkip(where, "the post has no title."));
                continue;
            }

            var draft = Text(post, "status", postPath) is not ("published" or "scheduled");
            var slug = (Text(post, "slug", postPath) ?? "").Trim();
            var (body, format) = Body(post, postPath, where, skipped);

            var publicTags = postTags.GetValueOrDefault(id, [])
                .Select(tagId => tags.TryGetValue(tagId, out var tag) ? tag : default)
                .Where(tag => !string.IsNullOrEmpty(tag.Name) && !tag.Name.StartsWith('#') && tag.Visibility != "internal")
                .Select(tag => tag.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();

            var authorId = postAuthors.GetValueOrDefault(id, []).FirstOrDefault() ?? Text(post, "author_id", postPath);
            var author = authorId is not null && users.TryGetValue(authorId, out var user) ? user : (Name: "", Email: null);

            articles.Add(new ImportedArticle(
                SourceId: id,
                Title: title,
                Slug: slug,
                Summary: (Text(post, "custom_excerpt", postPath) ?? "").Trim(),
                Category: publicTags.FirstOrDefault(),
                Tags: publicTags.Skip(1).ToList(),
                Draft: draft,
                PublishedAt: Date(post, "published_at", postPath),
                UpdatedAt: Date(post, "updated_at", postPath),
                AuthorName: author.Name.Trim(),
                AuthorEmail: string.IsNullOrWhiteSpace(author.Email) ? null : author.Email.Trim(),
                Body: Site(body, siteUrl),
                BodyFormat: format,
                OldPaths: draft || slug.Length == 0 ? [] : [$"/{slug}/"],
                Comments: [],
                FeatureImage: NullIfEmpty(Site(Text(post, "feature_image", postPath), siteUrl)),
                CanonicalUrl: NullIfEmpty(Site(Text(post, "canonical_url", postPath), siteUrl))));
        }

        return new ImportedSite(articles, skipped);
    }

    private static JsonElement FirstExport(JsonElement db)
    {
        if (db.ValueKind != JsonValueKind.Array || db.GetArrayLength() == 0 || db[0].ValueKind != JsonValueKind.Object)
        {
            throw new ImportFormatException("$.db", "this is not a Ghost export: \"db\" is not a list holding the export.");
        }

        return db[0];
    }

    private static (string Body, ImportedBodyFormat Format) Body(JsonElement post, string path, string where, List<ImportSkip> skipped)
    {
        var html = Text(post, "html", path);
        if (!string.IsNullOrWhiteSpace(html))
        {
            return (html, ImportedBodyFormat.Html);
        }

        var lexical = Text(post, "lexical", path);
        if (!string.IsNullOrWhiteSpace(lexical))
        {
            using var document = Parse(System.Text.Encoding.UTF8.GetBytes(lexical), path + ".lexical");
            var notes = new List<string>();
            var markdown = GhostLexical.ToMarkdown(document.RootElement, notes)
                ?? throw new ImportFormatException(path + ".lexical", "the Lexical document has no \"root\".");
            skipped.AddRange(notes.Select(note => new ImportSkip(where, note)));
            return (markdown, ImportedBodyFormat.Markdown);
        }

        var mobiledoc = Text(post, "mobiledoc", path);
        if (!string.IsNullOrWhiteSpace(mobiledoc))
        {
            using var document = Parse(System.Text.Encoding.UTF8.GetBytes(mobiledoc), path + ".mobiledoc");
            if (MarkdownCards(document.RootElement) is { } cards)
            {
                return (cards, ImportedBodyFormat.Markdown);
            }

            skipped.Add(new ImportSkip(where, "the post's body is a mobiledoc with more than Markdown cards and no html: imported with an empty body."));
            return ("", ImportedBodyFormat.Html);
        }

        var markdownColumn = Text(post, "markdown", path);
        if (!string.IsNullOrWhiteSpace(markdownColumn))
        {
            return (markdownColumn, ImportedBodyFormat.Markdown);
        }

        return ("", ImportedBodyFormat.Html);
    }

    /// <summary>The Markdown of a mobiledoc whose sections are all Markdown cards (how Ghost 1 and 2 stored posts), else null.</summary>
    private static string? MarkdownCards(JsonElement mobiledoc)
    {
        if (mobiledoc.ValueKind != JsonValueKind.Object
            || !mobiledoc.TryGetProperty("cards", out var cards) || cards.ValueKind != JsonValueKind.Array
            || !mobiledoc.TryGetProperty("sections", out var sections) || sections.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var section in sections.EnumerateArray())
        {
            // A card section is [10, index of the card].
            if (section.ValueKind != JsonValueKind.Array || section.GetArrayLength() < 2
                || section[0].ValueKind != JsonValueKind.Number || !section[0].TryGetInt32(out var kind) || kind != 10
                || section[1].ValueKind != JsonValueKind.Number || !section[1].TryGetInt32(out var index)
                || index < 0 || index >= cards.GetArrayLength())
            {
                return null;
            }

            var card = cards[index];
            if (card.ValueKind != JsonValueKind.Array || card.GetArrayLength() < 2
                || card[0].ValueKind != JsonValueKind.String || card[0].GetString() is not ("markdown" or "card-markdown")
                || card[1].ValueKind != JsonValueKind.Object
                || !card[1].TryGetProperty("markdown", out var markdown) || markdown.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            parts.Add(markdown.GetString()!.Trim('\n'));
        }

        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    /// <summary>The rows of a table of the export, each with its JSON path; a missing table has none.</summary>
    private static IEnumerable<(JsonElement Row, string Path)> Rows(JsonElement data, string table, string path)
    {
        if (!data.TryGetProperty(table, out var rows) || rows.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFormatException($"{path}.{table}", "expected a list of rows.");
        }

        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var rowPath = string.Create(CultureInfo.InvariantCulture, $"{path}.{table}[{i++}]");
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new ImportFormatException(rowPath, "expected an object.");
            }

            yield return (row, rowPath);
        }
    }

    /// <summary>A join table (posts_tags, posts_authors) as post id → the other ids in their sort order.</summary>
    private static Dictionary<string, List<string>> Links(JsonElement data, string table, string otherColumn, string path) =>
        Rows(data, table, path)
            .Select((link, index) => (
                Post: Text(link.Row, "post_id", link.Path),
                Other: Text(link.Row, otherColumn, link.Path),
                Order: link.Row.TryGetProperty("sort_order", out var order) && order.ValueKind == JsonValueKind.Number && order.TryGetInt32(out var o) ? o : 0,
                Index: index))
            .Where(link => link.Post is not null && link.Other is not null)
            .GroupBy(link => link.Post!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.Order).ThenBy(l => l.Index).Select(l => l.Other!).ToList(), StringComparer.Ordinal);

    /// <summary>A text column; ids were numbers before Ghost 1, so a number is read as its text.</summary>
    private static string? Text(JsonElement row, string column, string path)
    {
        if (!row.TryGetProperty(column, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new ImportFormatException($"{path}.{column}", $"expected text, found {value.ValueKind.ToString().ToLowerInvariant()}."),
        };
    }

    /// <summary>A time column: ISO 8601 in UTC ("2024-03-05T10:20:30.000Z"), or milliseconds since 1970 before Ghost 1.</summary>
    private static DateTime? Date(JsonElement row, string column, string path)
    {
        if (!row.TryGetProperty(column, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var milliseconds)
            && milliseconds >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.UtcDateTime;
        }

        throw new ImportFormatException($"{path}.{column}", $"{value.GetRawText()} is not a time.");
    }

    private static string Site(string? text, string siteUrl) => text?.Replace(GhostUrlPlaceholder, siteUrl, StringComparison.Ordinal) ?? "";

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
