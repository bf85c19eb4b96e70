using System.Globalization;
using System.Net;
using System.Xml;
using BlogSite.Domain;

namespace BlogSite.Import;

/// <summary>
/// Reads a WordPress eXtended RSS file (Tools → Export, WXR 1.0–1.2) into an <see cref="ImportedSite"/>; it reads
/// and maps, the importer checks and stores.
/// <list type="bullet">
/// <item>Post type <c>post</c> is an article; <c>page</c> is skipped with a note; <c>attachment</c> becomes
/// <see cref="ImportedSite.Media"/> (and the feature image of the post whose <c>_thumbnail_id</c> names it); every
/// other type (menu items, revisions, reusable blocks, templates) is skipped with a note naming the type.</item>
/// <item>Status <c>publish</c> and <c>future</c> are published (a future date is shown as scheduled); <c>trash</c> is
/// skipped with a note; any other (draft, pending, private, or one a plugin added) is a draft.</item>
/// <item>Times are <c>wp:post_date_gmt</c>; WordPress writes <c>0000-00-00 00:00:00</c> there for a draft, which
/// becomes null. A published post with no GMT date falls back to <c>wp:post_date</c>, the site's local time, read
/// as UTC: the export does not say the site's offset, so such a date can be off by that offset.</item>
/// <item>The slug is <c>wp:post_name</c>, percent-decoded; a draft may have none, which is left empty for the
/// writer to derive from the title as the editor does.</item>
/// <item>The first <c>category</c> term is the category; further categories become tags, after the
/// <c>post_tag</c> terms, so nothing the author filed a post under is lost.</item>
/// <item>Block-editor footnotes, kept in the post's <c>footnotes</c> meta, are written back into the body by
/// <see cref="WordPressFootnotes"/>; classic bodies get their paragraphs back from <see cref="WordPressParagraphs"/>.</item>
/// <item>Comments keep their thread (<c>wp:comment_parent</c>); pingbacks, trackbacks and other comment types
/// (such as editorial notes) are skipped with a note.</item>
/// <item>Old paths (published posts only): <c>/?p=ID</c>, the path of <c>&lt;link&gt;</c>, and the
/// <c>/YYYY/MM/DD/slug/</c>, <c>/YYYY/MM/slug/</c> and <c>/slug/</c> permalinks built from the local date, all
/// percent-decoded as a request path is.</item>
/// </list>
/// The file is streamed with a DTD prohibited, nothing external resolved and at most
/// <see cref="MaxCharacters"/> characters, so an entity bomb or an endless file stops early.
/// </summary>
public static class WordPressExport
{
    /// <summary>About 100 MB of text: WXR files of large blogs run to tens of MB, and all of it is held in memory.</summary>
    public const long MaxCharacters = 100_000_000;

    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    // The WordPress namespace carries the WXR version (http://wordpress.org/export/1.2/), and the excerpt one
    // hangs below it (…/1.2/excerpt/), so both are recognised by shape rather than by one version's URI.
    private const string WordPressNamespacePrefix = "http://wordpress.org/export/";
    private const string ExcerptNamespaceSuffix = "/excerpt/";

    // Only these are read as text; anything else (comment meta, fields a later WXR adds) is skipped whole.
    private static readonly HashSet<string> ItemFields =
    [
        "post_id", "post_date", "post_date_gmt", "post_modified_gmt", "post_name", "status", "post_parent", "post_type", "attachment_url",
    ];

    private static readonly HashSet<string> CommentFields =
    [
        "comment_id", "comment_author", "comment_author_email", "comment_date", "comment_date_gmt", "comment_content",
        "comment_approved", "comment_type", "comment_parent",
    ];

    private static readonly HashSet<string> AuthorFields = ["author_login", "author_email", "author_display_name"];

    private static readonly HashSet<string> MetaFields = ["meta_key", "meta_value"];

    private const string ZeroDate = "0000-00-00 00:00:00";
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    public static Task<ImportedSite> ReadAsync(Stream export, CancellationToken ct) => ReadAsync(export, MaxCharacters, ct);

    public static async Task<ImportedSite> ReadAsync(Stream export, long maxCharacters, CancellationToken ct)
    {
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(export, settings);
        var file = new WxrFile();
        try
        {
            await ReadFileAsync(reader, file, ct);
        }
        catch (XmlException e)
        {
            // A refused DTD or a file over the limit is reported without a place (and the reader forgets its own),
            // so the last line reached stands in; a DTD stands before the first element.
            var where = e.LineNumber > 0 ? $"line {e.LineNumber}, position {e.LinePosition}"
                : file.LastLine > 0 ? $"after line {file.LastLine}"
                : "before the first element";
            throw new ImportFormatException(where, e.Message);
        }

        return Map(file);
    }

    private static async Task ReadFileAsync(XmlReader reader, WxrFile file, CancellationToken ct)
    {
        var lines = (IXmlLineInfo)reader;
        await reader.MoveToContentAsync();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "rss" || reader.NamespaceURI.Length != 0)
        {
            throw new ImportFormatException(
                $"line {lines.LineNumber}, position {lines.LinePosition}",
                $"this is not a WordPress export: it starts with <{reader.Name}>, not <rss>.");
        }

        await reader.ReadAsync();
        while (!reader.EOF)
        {
            ct.ThrowIfCancellationRequested();
            file.LastLine = lines.LineNumber;
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "item" && reader.NamespaceURI.Length == 0)
                {
                    file.Items.Add(await ReadItemAsync(reader, lines.LineNumber));
                    continue;
                }

                if (IsWordPress(reader, "wxr_version"))
                {
                    file.Version = await reader.ReadElementContentAsStringAsync();
                    continue;
                }

                if (IsWordPress(reader, "author"))
                {
                    var author = await ReadAuthorAsync(reader);
                    file.Authors.TryAdd(author.Login, author);
                    continue;
                }
            }

            await reader.ReadAsync();
        }

        if (string.IsNullOrWhiteSpace(file.Version))
        {
            throw new ImportFormatException("<channel>", "this is not a WordPress export: it has no <wp:wxr_version>.");
        }
    }

    private static async Task<WxrItem> ReadItemAsync(XmlReader reader, int line)
    {
        var item = new WxrItem { Line = line };
        await ReadChildrenAsync(reader, async () =>
        {
            var ns = reader.NamespaceURI;
            switch (reader.LocalName)
            {
                case "title" when ns.Length == 0:
                    item.Title = await reader.ReadElementContentAsStringAsync();
                    break;
                case "link" when ns.Length == 0:
                    item.Link = await reader.ReadElementContentAsStringAsync();
                    break;
                case "category" when ns.Length == 0:
                    var domain = reader.GetAttribute("domain") ?? "";
                    item.Terms.Add((domain, await reader.ReadElementContentAsStringAsync()));
                    break;
                case "encoded" when ns == ContentNamespace:
                    item.Content = await reader.ReadElementContentAsStringAsync();
                    break;
                case "encoded" when IsExcerptNamespace(ns):
                    item.Excerpt = await reader.ReadElementContentAsStringAsync();
                    break;
                case "creator" when ns == DublinCoreNamespace:
                    item.Creator = await reader.ReadElementContentAsStringAsync();
                    break;
                case "postmeta" when IsWordPressNamespace(ns):
                    var meta = await ReadFieldsAsync(reader, MetaFields);
                    if (meta.TryGetValue("meta_key", out var key))
                    {
                        item.Meta.TryAdd(key, meta.GetValueOrDefault("meta_value", ""));
                    }

                    break;
                case "comment" when IsWordPressNamespace(ns):
                    item.Comments.Add(await ReadFieldsAsync(reader, CommentFields));
                    break;
                case var name when IsWordPressNamespace(ns) && ItemFields.Contains(name):
                    item.Fields[name] = await reader.ReadElementContentAsStringAsync();
                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        });
        return item;
    }

    private static async Task<WxrAuthor> ReadAuthorAsync(XmlReader reader)
    {
        var fields = await ReadFieldsAsync(reader, AuthorFields);
        return new WxrAuthor(
            fields.GetValueOrDefault("author_login", ""),
            fields.GetValueOrDefault("author_display_name", ""),
            fields.GetValueOrDefault("author_email", ""));
    }

    /// <summary>Reads the WordPress text fields named in <paramref name="wanted"/> (of an author, a comment, a postmeta) and skips the rest.</summary>
    private static async Task<Dictionary<string, string>> ReadFieldsAsync(XmlReader reader, HashSet<string> wanted)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        await ReadChildrenAsync(reader, async () =>
        {
            if (IsWordPressNamespace(reader.NamespaceURI) && wanted.Contains(reader.LocalName))
            {
                var name = reader.LocalName;
                fields[name] = await reader.ReadElementContentAsStringAsync();
            }
            else
            {
                await reader.SkipAsync();
            }
        });
        return fields;
    }

    /// <summary>Calls <paramref name="readChild"/> on each child element, which must consume it; leaves the reader after the parent.</summary>
    private static async Task ReadChildrenAsync(XmlReader reader, Func<Task> readChild)
    {
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync();
            return;
        }

        var depth = reader.Depth;
        await reader.ReadAsync();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                await readChild();
            }
            else
            {
                await reader.ReadAsync();
            }
        }

        await reader.ReadAsync();
    }

    private static ImportedSite Map(WxrFile file)
    {
        var skipped = new List<ImportSkip>();
        var media = new List<ImportedMedia>();
        var mediaUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in file.Items.Where(i => i.Field("post_type") == "attachment"))
        {
            var id = PostId(item);
            var url = item.Field("attachment_url").Trim();
            if (url.Length == 0)
            {
                skipped.Add(new ImportSkip(Where(item), "the attachment has no wp:attachment_url."));
                continue;
            }

            var parent = item.Field("post_parent").Trim();
            media.Add(new ImportedMedia(id, url, parent is "" or "0" ? null : parent));
            mediaUrls.TryAdd(id, url);
        }

        var articles = new List<ImportedArticle>();
        foreach (var item in file.Items)
        {
            var id = PostId(item);
            switch (item.Field("post_type"))
            {
                case "post":
                    var article = Article(item, id, file.Authors, mediaUrls, skipped);
                    if (article is not null)
                    {
                        articles.Add(article);
                    }

                    break;
                case "attachment":
                    break;
                case "page":
                    skipped.Add(new ImportSkip(Where(item), "pages are not imported."));
                    break;
                case var type:
                    skipped.Add(new ImportSkip(Where(item), $"items of type \"{type}\" are not imported."));
                    break;
            }
        }

        return new ImportedSite(articles, skipped) { Media = media };
    }

    private static ImportedArticle? Article(
        WxrItem item,
        string id,
        Dictionary<string, WxrAuthor> authors,
        Dictionary<string, string> mediaUrls,
        List<ImportSkip> skipped)
    {
        var where = Where(item);
        var status = item.Field("status");
        if (status == "trash")
        {
            skipped.Add(new ImportSkip(where, "the post is in the trash."));
            return null;
        }

        var title = WebUtility.HtmlDecode(item.Title).Trim();
        if (title.Length == 0)
        {
            skipped.Add(new ImportSkip(where, "the post has no title."));
            return null;
        }

        var draft = status is not ("publish" or "future");
        var localDate = Date(item, "post_date");
        var publishedAt = Date(item, "post_date_gmt") ?? (draft ? null : localDate);
        var slug = Uri.UnescapeDataString(item.Field("post_name").Trim());

        var categories = TermNames(item, "category");
        var category = categories.FirstOrDefault();
        var tags = new List<string>();
        foreach (var tag in TermNames(item, "post_tag").Concat(categories.Skip(1)))
        {
            if (!string.Equals(tag, category, StringComparison.OrdinalIgnoreCase) && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        var login = item.Creator.Trim();
        authors.TryGetValue(login, out var author);
        var authorName = string.IsNullOrWhiteSpace(author?.DisplayName) ? login : author.DisplayName.Trim();
        var authorEmail = string.IsNullOrWhiteSpace(author?.Email) ? null : author.Email.Trim();

        var featureImage = item.Meta.TryGetValue("_thumbnail_id", out var thumbnail) && mediaUrls.TryGetValue(thumbnail.Trim(), out var url)
            ? url
            : null;

        var body = WordPressFootnotes.Restore(
            WordPressParagraphs.Restore(item.Content), item.Meta.GetValueOrDefault(WordPressFootnotes.MetaKey), out var footnotesProblem);
        if (footnotesProblem is not null)
        {
            skipped.Add(new ImportSkip(where, footnotesProblem));
        }

        return new ImportedArticle(
            SourceId: id,
            Title: title,
            Slug: slug,
            Summary: item.Excerpt.Trim(),
            Category: category,
            Tags: tags,
            Draft: draft,
            PublishedAt: publishedAt,
            UpdatedAt: Date(item, "post_modified_gmt"),
            AuthorName: authorName,
            AuthorEmail: authorEmail,
            Body: body,
            BodyFormat: ImportedBodyFormat.Html,
            OldPaths: draft ? [] : OldPaths(item, id, slug, localDate ?? publishedAt),
            Comments: Comments(item, where, skipped),
            FeatureImage: featureImage);
    }

    // WordPress stores term names HTML-escaped ("News &amp; Views").
    private static List<string> TermNames(WxrItem item, string domain) =>
    [
        .. item.Terms
            .Where(t => t.Domain == domain)
            .Select(t => WebUtility.HtmlDecode(t.Name).Trim())
            .Where(name => name.Length > 0),
    ];

    private static List<string> OldPaths(WxrItem item, string id, string slug, DateTime? localDate)
    {
        var paths = new List<string> { $"/?p={id}" };
        if (Uri.TryCreate(item.Link.Trim(), UriKind.Absolute, out var link) && link.Scheme is "http" or "https")
        {
            paths.Add(Uri.UnescapeDataString(link.PathAndQuery));
        }

        if (slug.Length > 0)
        {
            if (localDate is { } d)
            {
                paths.Add(string.Create(CultureInfo.InvariantCulture, $"/{d:yyyy}/{d:MM}/{d:dd}/{slug}/"));
                paths.Add(string.Create(CultureInfo.InvariantCulture, $"/{d:yyyy}/{d:MM}/{slug}/"));
            }

            paths.Add($"/{slug}/");
        }

        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    private static List<ImportedComment> Comments(WxrItem item, string where, List<ImportSkip> skipped)
    {
        var comments = new List<ImportedComment>();
        foreach (var fields in item.Comments)
        {
            var id = fields.GetValueOrDefault("comment_id", "").Trim();
            if (id.Length == 0)
            {
                throw new ImportFormatException(where, "a comment has no wp:comment_id.");
            }

            var commentWhere = $"comment {id} on {where}";
            var type = fields.GetValueOrDefault("comment_type", "").Trim();
            if (type is "pingback" or "trackback")
            {
                skipped.Add(new ImportSkip(commentWhere, "pingbacks and trackbacks are not imported."));
                continue;
            }

            // Before WordPress 5.5 a plain comment had an empty type; since then it is "comment".
            if (type is not ("" or "comment"))
            {
                skipped.Add(new ImportSkip(commentWhere, $"comments of type \"{type}\" are not imported."));
                continue;
            }

            var createdAt = ParseDate(fields.GetValueOrDefault("comment_date_gmt", ""), commentWhere, "comment_date_gmt")
                ?? ParseDate(fields.GetValueOrDefault("comment_date", ""), commentWhere, "comment_date");
            if (createdAt is null)
            {
                skipped.Add(new ImportSkip(commentWhere, "the comment has no date."));
                continue;
            }

            var parent = fields.GetValueOrDefault("comment_parent", "").Trim();
            var email = fields.GetValueOrDefault("comment_author_email", "").Trim();
            comments.Add(new ImportedComment(
                SourceId: id,
                ParentSourceId: parent is "" or "0" ? null : parent,
                AuthorName: fields.GetValueOrDefault("comment_author", "").Trim(),
                AuthorEmail: email.Length == 0 ? null : email,
                Body: fields.GetValueOrDefault("comment_content", ""),
                BodyFormat: ImportedBodyFormat.Html,
                Status: fields.GetValueOrDefault("comment_approved", "").Trim() switch
                {
                    "1" => CommentStatus.Published,
                    "spam" => CommentStatus.Spam,
                    "trash" or "post-trashed" => CommentStatus.Deleted,
                    _ => CommentStatus.Pending,
                },
                CreatedAt: createdAt.Value));
        }

        return comments;
    }

    private static string PostId(WxrItem item)
    {
        var id = item.Field("post_id").Trim();
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            throw new ImportFormatException(Where(item), $"<wp:post_id> is \"{id}\", not a post id.");
        }

        return id;
    }

    private static DateTime? Date(WxrItem item, string field) => ParseDate(item.Field(field), Where(item), field);

    private static DateTime? ParseDate(string value, string where, string field)
    {
        value = value.Trim();
        if (value.Length == 0 || value == ZeroDate)
        {
            return null;
        }

        if (!DateTime.TryParseExact(
            value,
            DateFormat,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var date))
        {
            throw new ImportFormatException(where, $"<wp:{field}> is \"{value}\", not a date like 2019-05-14 09:30:00.");
        }

        return date;
    }

    private static string Where(WxrItem item)
    {
        var id = item.Field("post_id").Trim();
        var title = item.Title.Trim();
        var name = id.Length > 0 ? $"item {id}" : "item";
        return title.Length > 0 ? $"{name} \"{title}\" (line {item.Line})" : $"{name} (line {item.Line})";
    }

    private static bool IsWordPress(XmlReader reader, string localName) =>
        reader.LocalName == localName && IsWordPressNamespace(reader.NamespaceURI);

    private static bool IsWordPressNamespace(string ns) =>
        ns.StartsWith(WordPressNamespacePrefix, StringComparison.Ordinal) && !ns.EndsWith(ExcerptNamespaceSuffix, StringComparison.Ordinal);

    private static bool IsExcerptNamespace(string ns) =>
        ns.StartsWith(WordPressNamespacePrefix, StringComparison.Ordinal) && ns.EndsWith(ExcerptNamespaceSuffix, StringComparison.Ordinal);

    private sealed class WxrFile
    {
        public int LastLine { get; set; }

        public string? Version { get; set; }

        public Dictionary<string, WxrAuthor> Authors { get; } = new(StringComparer.Ordinal);

        public List<WxrItem> Items { get; } = [];
    }

    private sealed record WxrAuthor(string Login, string DisplayName, string Email);

    private sealed class WxrItem
    {
        public int Line { get; init; }

        public string Title { get; set; } = "";

        public string Link { get; set; } = "";

        public string Creator { get; set; } = "";

        public string Content { get; set; } = "";

        public string Excerpt { get; set; } = "";

        public List<(string Domain, string Name)> Terms { get; } = [];

        public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Meta { get; } = new(StringComparer.Ordinal);

        public List<Dictionary<string, string>> Comments { get; } = [];

        public string Field(string name) => Fields.GetValueOrDefault(name, "");
    }
}
