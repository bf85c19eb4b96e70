using System.Text.Json;
using System.Text.Json.Serialization;
using BlogSite.Domain;

namespace BlogSite.Export;

/// <summary>
/// The layout of a BlogSite export, shared by the exporter and the importer's reader so the two cannot drift:
/// <c>manifest.json</c>, <c>users.json</c>, for each article <c>articles/{slug}.md</c> (front matter as content/
/// reads it) beside <c>articles/{slug}.json</c> (what front matter cannot say: counts, dates, old slugs, comments),
/// and <c>media/...</c> as the media folder holds it.
/// </summary>
public static class ArchiveFormat
{
    public const string Name = "blogsite-export";
    public const int Version = 1;

    public const string ManifestEntry = "manifest.json";
    public const string UsersEntry = "users.json";
    public const string ArticlesFolder = "articles/";
    public const string MediaFolder = "media/";
    public const string MarkdownExtension = ".md";
    public const string SidecarExtension = ".json";

    public static string MarkdownEntry(string slug) => ArticlesFolder + slug + MarkdownExtension;

    public static string SidecarEntry(string slug) => ArticlesFolder + slug + SidecarExtension;

    /// <summary>camelCase names, statuses as words ("pending"), absent rather than null (an e-mail left out leaves no key).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        // A field left out of a hand-edited file is an error naming it, not a null found later; optional ones have defaults.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}

/// <summary>What the archive is, where from, and what it holds; the articles in the bin (<see cref="ArchiveCounts.LeftInBin"/>) were not exported.</summary>
public sealed record ArchiveManifest(
    string Format,
    int Version,
    DateTime ExportedAt,
    bool IncludesEmails,
    ArchiveCounts Counts,
    string? Site = null);

public sealed record ArchiveCounts(int Articles, int Comments, int Users, int Media, int LeftInBin);

/// <summary>
/// An article's sidecar: its id on the exporting site (with the site, the key that makes a second import change
/// nothing), its author's account in users.json, dates, counts, the slugs it had before (answered with 301s), and its comments.
/// </summary>
public sealed record ArchiveArticle(
    int Id,
    string Slug,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Views,
    long Hearts,
    IReadOnlyList<string> OldSlugs,
    IReadOnlyList<ArchiveComment> Comments,
    string? AuthorId = null);

/// <summary>A comment as stored; <see cref="Email"/> only when the export was asked to include e-mail addresses.</summary>
public sealed record ArchiveComment(
    int Id,
    string AuthorName,
    string Body,
    CommentStatus Status,
    DateTime CreatedAt,
    int? ParentId = null,
    string? Email = null,
    string? HeldReason = null);

/// <summary>A staff account without anything that signs in (no password hash, no security stamp); <see cref="Email"/> as for comments.</summary>
public sealed record ArchiveUser(string Id, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, string? Email = null);

/// <summary>The staff accounts of users.json.</summary>
public sealed record ArchiveUsers(IReadOnlyList<ArchiveUser> Users);
