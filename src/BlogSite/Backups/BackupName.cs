using System.Globalization;

namespace BlogSite.Backups;

/// <summary>
/// An archive's file name, blog-2026-12-02T013000Z.tar.gz: the UTC second it was made, so names sort as times do and
/// the newest is found without opening any. A second archive within one second is blog-…Z-2.tar.gz.
/// Only complete, verified archives ever get such a name; work in progress has a dot-name.
/// </summary>
public sealed record BackupName(DateTimeOffset CreatedAt, int Sequence, string FileName)
{
    public const string Prefix = "blog-";
    public const string Extension = ".tar.gz";
    private const string StampFormat = "yyyy-MM-dd'T'HHmmss'Z'";
    private const int StampLength = 18;

    public static string For(DateTimeOffset createdAt, int sequence) =>
        Prefix + Stamp(createdAt) + (sequence > 1 ? "-" + sequence.ToString(CultureInfo.InvariantCulture) : "") + Extension;

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);

    public static BackupName? TryParse(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(Extension, StringComparison.Ordinal)
            || fileName.Length < Prefix.Length + StampLength + Extension.Length)
        {
            return null;
        }

        var middle = fileName[Prefix.Length..^Extension.Length];
        if (!DateTimeOffset.TryParseExact(middle[..StampLength], StampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var createdAt))
        {
            return null;
        }

        var rest = middle[StampLength..];
        if (rest.Length == 0)
        {
            return new BackupName(createdAt, 1, fileName);
        }

        return rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 1
            && rest[1] != '0'
            ? new BackupName(createdAt, sequence, fileName)
            : null;
    }

    /// <summary>The archives in <paramref name="folder"/>, newest first; other files are not archives and are never touched.</summary>
    public static IReadOnlyList<BackupName> In(string folder) => !Directory.Exists(folder)
        ? []
        : Newest(Directory.EnumerateFiles(folder, Prefix + "*" + Extension).Select(path => TryParse(Path.GetFileName(path))).OfType<BackupName>());

    public static IReadOnlyList<BackupName> Newest(IEnumerable<BackupName> archives) =>
        [.. archives.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Sequence)];
}

/// <summary>Which archives go once a new one is made: all but the newest <c>keep</c>.</summary>
public static class BackupRetention
{
    public static IReadOnlyList<BackupName> Expired(IEnumerable<BackupName> archives, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        return [.. BackupName.Newest(archives).Skip(keep)];
    }
}

/// <summary>When the next scheduled backup is due: one interval after the newest archive, so a restart does not reset it.</summary>
public static class BackupSchedule
{
    /// <summary>A failed backup is tried again this soon (or after one interval, when that is shorter), not a whole day later.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    /// <param name="newest">When the newest good archive was made; null when there is none (then a backup is due at once).</param>
    /// <param name="lastFailure">When this process last failed to make one.</param>
    /// <param name="interval">Backup:IntervalHours.</param>
    /// <param name="now">The due time when nothing was made yet.</param>
    public static DateTimeOffset NextDueAt(DateTimeOffset? newest, DateTimeOffset? lastFailure, TimeSpan interval, DateTimeOffset now)
    {
        if (lastFailure is { } failed && (newest is null || failed > newest))
        {
            return failed + (interval < RetryAfterFailure ? interval : RetryAfterFailure);
        }

        return newest is { } made ? made + interval : now;
    }
}
