using BenchmarkDotNet.Attributes;
using BlogSite.Content;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlogSite.Benchmarks;

/// <summary>
/// One sample article, rendered cold (parse, highlight, sanitize) and from the content-hash memo,
/// which is what the article page pays on an output-cache miss.
/// </summary>
[MemoryDiagnoser]
// Not sealed: BenchmarkDotNet's generated runner derives from the benchmark class.
public class ArticleRenderingBenchmarks : IDisposable
{
    public const string SampleArticle = "reading-go-stack-traces.md";

    private MarkdownRenderer renderer = default!;
    private string markdown = "";
    private string hash = "";

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(Path.Combine(ContentFolder(), SampleArticle));
        markdown = FrontMatterParser.Parse(text, "x").Body;
        hash = MarkdownRenderer.HashOf(markdown);
        var options = Options.Create(new RenderingOptions());
        renderer = new MarkdownRenderer(new CodeHighlighter(), new RenderSlots(options), options, NullLogger<MarkdownRenderer>.Instance);

        // The first call fills the memo and loads the grammars, so neither benchmark measures that.
        var first = renderer.RenderArticleAsync(hash, markdown, CancellationToken.None).GetAwaiter().GetResult();
        if (first.Fallback || first.Html.Length == 0)
        {
            throw new InvalidOperationException($"{SampleArticle} rendered as a fallback; the benchmark would measure the wrong path");
        }
    }

    [Benchmark(Description = "RenderArticle (cold: parse, highlight, sanitize)")]
    public RenderedArticle Cold() => renderer.RenderArticle(markdown);

    [Benchmark(Description = "RenderArticleAsync (memoised)")]
    public Task<RenderedArticle> Memoised() => renderer.RenderArticleAsync(hash, markdown, CancellationToken.None);

    [GlobalCleanup]
    public void Dispose()
    {
        renderer.Dispose();
        GC.SuppressFinalize(this);
    }

    // BenchmarkDotNet runs the benchmark from a generated project under bin/, so find content/ by walking up.
    private static string ContentFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (File.Exists(Path.Combine(candidate, SampleArticle)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No content/{SampleArticle} above {AppContext.BaseDirectory}");
    }
}
