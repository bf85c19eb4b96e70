using System.ComponentModel.DataAnnotations;

namespace BlogSite.Import;

/// <summary>The admin import page's limits; `import …` on the command line reads files of any size within each reader's own bounds.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>The most <see cref="MaxUploadBytes"/> may be set to; a larger export is imported from the command line.</summary>
    public const long MaxUploadCeiling = 1_000_000_000;

    /// <summary>Larger uploads are refused with 413 before they are read: as much as the WordPress reader takes (100 MB of text).</summary>
    [Range(10_000, MaxUploadCeiling)]
    public long MaxUploadBytes { get; init; } = 100_000_000;
}
