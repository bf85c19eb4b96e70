using BlogSite.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Support;

internal static class Renderers
{
    // Grammars are loaded lazily and cached by the highlighter, and it is thread-safe: one for all tests.
    public static CodeHighlighter Highlighter { get; } = new();

    public static MarkdownRenderer Create(int timeLimitSeconds = 5) =>
        new(Highlighter, Options.Create(new RenderingOptions { TimeLimitSeconds = timeLimitSeconds }), NullLogger<MarkdownRenderer>.Instance);
}
