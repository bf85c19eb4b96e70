using System.Text.Json;

namespace BlogSite.Backups;

/// <summary>One file in an archive: its path inside it, its size and its SHA-256 (lower-case hex).</summary>
public sealed record BackupPart(string Path, long Size, string Sha256);

/// <summary>
/// manifest.json, the first entry of every archive: what made it and when, the schema it holds (the last applied EF Core
/// migration), the rows per table, and every other file with its size and hash. A restore checks all of it.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    string AppVersion,
    string SchemaVersion,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<BackupPart> Parts)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";
    public const string DatabasePart = "blog.db";
    public const string MediaPrefix = "media/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The manifest in <paramref name="json"/>; throws <see cref="JsonException"/> when it is not one.</summary>
    public static BackupManifest FromJson(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<BackupManifest>(json, Json) ?? throw new JsonException("The manifest is empty.");

    /// <summary>Why this manifest cannot be trusted to restore from, or null when it can.</summary>
    public string? Problem()
    {
        if (Format != CurrentFormat)
        {
            return $"its manifest has format {Format}, and this version of BlogSite reads format {CurrentFormat} (was it made by a newer one?)";
        }

        if (string.IsNullOrWhiteSpace(SchemaVersion) || Tables is null || Parts is null || Parts.Any(p => p is null))
        {
            return "its manifest lacks the schema version, the table counts or the list of files";
        }

        if (Parts.Count(p => p.Path == DatabasePart) != 1)
        {
            return $"its manifest lists {DatabasePart} {Parts.Count(p => p.Path == DatabasePart)} times instead of once";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in Parts)
        {
            if (part.Path != DatabasePart && !IsSafeMediaPath(part.Path))
            {
                return $"its manifest lists '{part.Path}', which is not a plain path under {MediaPrefix}";
            }

            if (!seen.Add(part.Path))
            {
                return $"its manifest lists {part.Path} twice";
            }

            if (part.Size < 0 || part.Sha256 is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigitLower))
            {
                return $"its manifest gives {part.Path} no valid size and SHA-256";
            }
        }

        return null;
    }

    /// <summary>media/a/b.png: relative, no empty, dot, hidden or back-slashed segment, so it cannot leave the media folder.</summary>
    public static bool IsSafeMediaPath(string? path) =>
        path is not null && path.StartsWith(MediaPrefix, StringComparison.Ordinal) && path.Length > MediaPrefix.Length
        && path[MediaPrefix.Length..].Split('/').All(segment => segment.Length > 0 && segment[0] != '.'
            && !segment.Any(c => c is '\\' or ':' || char.IsControl(c)));
}
