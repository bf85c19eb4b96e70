using System.ComponentModel.DataAnnotations;

namespace BlogSite.Media;

public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>The folder uploaded images are kept in; relative paths are resolved against the content root.</summary>
    [Required]
    public string Path { get; init; } = "App_Data/media";

    /// <summary>Larger images are refused with 413.</summary>
    [Range(1_000, 50_000_000)]
    public int MaxImageBytes { get; init; } = 5_000_000;
}
