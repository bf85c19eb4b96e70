using System.ComponentModel.DataAnnotations;

namespace BlogSite.Backups;

public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>
    /// The folder the scheduled backups (and `backup` without --to) go to; relative paths are resolved against the
    /// content root. Empty: a `backups` folder beside the database, which is where a deployment already lets the app write.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>Hours between scheduled backups; 0 turns them off.</summary>
    [Range(0, 24 * 366)]
    public int IntervalHours { get; init; } = 24;

    /// <summary>How many of the newest archives in <see cref="Path"/> are kept; older ones are deleted after each good backup.</summary>
    [Range(1, 10_000)]
    public int Keep { get; init; } = 14;
}
