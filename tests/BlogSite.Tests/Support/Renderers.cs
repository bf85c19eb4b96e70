using BlogSite.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Support;

internal static class Renderers
{
    // Grammars are loaded lazily and cached by the highlighter, and it is thread-safe: one for all tests.
    public static CodeHighlighter Highlighter { get; } = new();

    public static MarkdownRenderer Create(int timeLimitSeconds = 5) => Create(new RenderingOptions { TimeLimitSeconds = timeLimitSeconds });

    public static MarkdownRenderer Create(RenderingOptions options) =>
        new(Highlighter, new RenderSlots(Options.Create(options)), Options.Create(options), NullLogger<MarkdownRenderer>.Instance);

    public static CommentRenderer Comments(RenderingOptions? options = null)
    {
        var settings = Options.Create(options ?? new RenderingOptions());
        return new CommentRenderer(new RenderSlots(settings), settings);
    }
}
