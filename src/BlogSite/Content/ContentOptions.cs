using System.ComponentModel.DataAnnotations;

namespace BlogSite.Content;

public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>The folder of Markdown posts; relative paths are resolved against the content root.</summary>
    [Required]
    public string Path { get; init; } = "../../content";

    /// <summary>Files larger than this are skipped with a log line.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxFileBytes { get; init; } = 1_000_000;

    /// <summary>Sync again when a file under <see cref="Path"/> changes (meant for Development).</summary>
    public bool WatchForChanges { get; init; }
}
