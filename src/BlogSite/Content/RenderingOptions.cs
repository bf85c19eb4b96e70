using System.ComponentModel.DataAnnotations;

namespace BlogSite.Content;

public sealed class RenderingOptions
{
    public const string SectionName = "Rendering";

    /// <summary>How long a request waits for a render before showing the article's source instead.</summary>
    [Range(1, 60)]
    public int TimeLimitSeconds { get; init; } = 5;

    /// <summary>Bound of the rendered-HTML memo, in characters of Markdown (roughly).</summary>
    [Range(100_000, 2_000_000_000)]
    public long MemoCacheCharacters { get; init; } = 64_000_000;
}
