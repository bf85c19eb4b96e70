using BlogSite.Domain;

namespace BlogSite.Import;

/// <summary>How an imported body is written: each reader of an export says, the importer turns it into Markdown.</summary>
public enum ImportedBodyFormat
{
    Markdown,
    Html,
}

/// <summary>
/// One article as another blog exported it, before BlogSite's rules apply (the article writer checks and
/// limits everything). <see cref="SourceId"/> names it in the other blog (a WordPress post id, a Ghost id, a
/// file path): importing the same export again finds the article it made and changes nothing.
/// Times are UTC.
/// </summary>
public sealed record ImportedArticle(
    string SourceId,
    string Title,
    string Slug,
    string Summary,
    string? Category,
    IReadOnlyList<string> Tags,
    bool Draft,
    DateTime? PublishedAt,
    DateTime? UpdatedAt,
    string AuthorName,
    string? AuthorEmail,
    string Body,
    ImportedBodyFormat BodyFormat,
    IReadOnlyList<string> OldPaths,
    IReadOnlyList<ImportedComment> Comments,
    string? FeatureImage = null,
    string? CanonicalUrl = null)
{
    /// <summary>Counts and dates another BlogSite kept (a blog without them starts at zero, created when published).</summary>
    public long Views { get; init; }

    public long Hearts { get; init; }

    public DateTime? CreatedAt { get; init; }

    public bool AdsOff { get; init; }

    public bool CommentsClosed { get; init; }

    /// <summary>Slugs the article had on a BlogSite before, answered with a 301 as there (its other old addresses are <see cref="OldPaths"/>).</summary>
    public IReadOnlyList<string> OldSlugs { get; init; } = [];
}

/// <summary>
/// A comment as exported: <see cref="ParentSourceId"/> may point at any depth of reply; the importer attaches
/// deeper replies to their top-level ancestor, in order, since BlogSite keeps threads one level deep.
/// </summary>
public sealed record ImportedComment(
    string SourceId,
    string? ParentSourceId,
    string AuthorName,
    string? AuthorEmail,
    string Body,
    ImportedBodyFormat BodyFormat,
    CommentStatus Status,
    DateTime CreatedAt)
{
    /// <summary>Why a moderator held it, as its blog said; null gives a held comment the importer's own reason.</summary>
    public string? HeldReason { get; init; }
}

/// <summary>Something in the export that is not imported, and why (a page, an attachment, a post with no title).</summary>
public sealed record ImportSkip(string Where, string Why);

/// <summary>
/// A file the export names but does not contain (a WordPress attachment): where it was, and the article it
/// belongs to, if any, so the importer can fetch it and rewrite links to it.
/// </summary>
public sealed record ImportedMedia(string SourceId, string Url, string? ParentSourceId);

/// <summary>What one export holds: its articles in the export's order, and what was left out.</summary>
public sealed record ImportedSite(IReadOnlyList<ImportedArticle> Articles, IReadOnlyList<ImportSkip> Skipped)
{
    /// <summary>The media the export names, in the export's order; empty for an export that lists none.</summary>
    public IReadOnlyList<ImportedMedia> Media { get; init; } = [];
}

/// <summary>An export that cannot be read; <see cref="Where"/> names the place (a line, an item, a JSON path).</summary>
public sealed class ImportFormatException(string where, string message) : Exception($"{where}: {message}")
{
    public string Where { get; } = where;
}
