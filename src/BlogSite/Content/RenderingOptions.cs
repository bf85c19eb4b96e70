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

    /// <summary>An article whose HTML would be longer than this is shown as its source text.</summary>
    [Range(10_000, 1_000_000_000)]
    public int MaxArticleHtmlCharacters { get; init; } = 20_000_000;

    /// <summary>How long a comment may take to render; over it, the comment is refused (or shown as plain text).</summary>
    [Range(10, 60_000)]
    public int CommentTimeLimitMilliseconds { get; init; } = 1_000;

    /// <summary>A comment whose HTML would be longer than this is refused (or shown as plain text).</summary>
    [Range(1_000, 100_000_000)]
    public int MaxCommentHtmlCharacters { get; init; } = 100_000;

    /// <summary>Renders (article or comment) running at once; a render that overran its time limit still holds its slot.</summary>
    [Range(1, 1_024)]
    public int MaxConcurrentRenders { get; init; } = 2 * Environment.ProcessorCount;

    /// <summary>How long a request waits for a free render slot before getting the fallback.</summary>
    [Range(0, 60_000)]
    public int RenderSlotWaitMilliseconds { get; init; } = 2_000;
}
