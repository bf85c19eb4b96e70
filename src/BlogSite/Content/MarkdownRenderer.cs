using System.Net;
using System.Security.Cryptography;
using System.Text;
using BlogSite.Domain;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BlogSite.Content;

/// <summary>
/// Markdown to sanitized HTML. The pipeline and sanitizer are built once; output is memoised by
/// content hash in a bounded cache, so an unchanged article is parsed once and an edit shows at once.
/// </summary>
public sealed class MarkdownRenderer : IDisposable
{
    public const int TocMinimumHeadings = 3;

    private readonly MarkdownPipeline articlePipeline;
    private readonly HtmlSanitizer sanitizer = Sanitizers.Article();
    private readonly MemoryCache memo;
    private readonly TimeSpan timeLimit;
    private readonly RenderSlots slots;
    private readonly ILogger<MarkdownRenderer> logger;

    public MarkdownRenderer(CodeHighlighter highlighter, RenderSlots slots, IOptions<RenderingOptions> options, ILogger<MarkdownRenderer> logger)
    {
        this.slots = slots;
        this.logger = logger;
        timeLimit = TimeSpan.FromSeconds(options.Value.TimeLimitSeconds);
        MaxHtmlCharacters = options.Value.MaxArticleHtmlCharacters;
        memo = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MemoCacheCharacters });
        var builder = new MarkdownPipelineBuilder()
            // Raw HTML is escaped, not passed through: Markdown covers what posts need, and it keeps
            // the sanitizer's input to what Markdig itself writes.
            .DisableHtml()
            .UseAbbreviations()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
            .UseAutoLinks()
            .UseDefinitionLists()
            .UseEmphasisExtras()
            .UseFigures()
            .UseFootnotes()
            .UseGridTables()
            .UseListExtras()
            .UsePipeTables()
            .UseTaskLists();
        builder.Extensions.Add(new HighlightedCodeExtension(highlighter));
        articlePipeline = builder.Build();
    }

    /// <summary>The longest HTML an article may render to.</summary>
    public int MaxHtmlCharacters { get; }

    /// <summary>
    /// The article's HTML, from the memo when this content hash was rendered before; its source text with a notice
    /// when it cannot be rendered within the limits or no render slot is free.
    /// </summary>
    public async Task<RenderedArticle> RenderArticleAsync(string contentHash, string markdown, CancellationToken ct)
    {
        if (!memo.TryGetValue(contentHash, out Task<RenderedArticle>? rendering) || rendering is null)
        {
            rendering = await slots.TryStartAsync(() => RenderArticle(markdown), ct);
            if (rendering is null)
            {
                logger.LogWarning("No render slot was free for content {Hash}; showing its source", contentHash);
                return PlainText(markdown, RenderFailure.Busy);
            }

            // Memoised while it runs, so that a render which overran the wait still serves the requests after it.
            _ = memo.Set(contentHash, rendering, new MemoryCacheEntryOptions { Size = Math.Max(1, markdown.Length * 3L) });
        }

        try
        {
            return await rendering.WaitAsync(timeLimit, ct);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Rendering content {Hash} took longer than {Limit}; showing its source", contentHash, timeLimit);
            return PlainText(markdown, RenderFailure.TooSlow);
        }
    }

    /// <summary>Renders without the memo or a slot, within the time and size limits.</summary>
    public RenderedArticle RenderArticle(string markdown)
    {
        var writer = BoundedHtmlWriter.Within(MaxHtmlCharacters, timeLimit);
        List<TocEntry> toc;
        try
        {
            var document = Markdown.Parse(markdown, articlePipeline);
            writer.CheckDeadline();
            toc = TableOfContents(document);
            AddHeadingAnchors(document);
            var html = new Markdig.Renderers.HtmlRenderer(writer);
            articlePipeline.Setup(html);
            html.Render(document);
        }
        catch (ArgumentException ex)
        {
            // Markdig refuses input nested past its depth limit, when parsing and again when writing HTML
            // (e.g. "[" x 10000 parses but does not render); show the text instead of failing the page.
            logger.LogWarning(ex, "Markdown too deeply nested to render");
            return PlainText(markdown, RenderFailure.TooDeep);
        }
        catch (RenderLimitException ex)
        {
            logger.LogWarning("Markdown not rendered: {Failure}", ex.Failure);
            return PlainText(markdown, ex.Failure);
        }

        return new RenderedArticle(sanitizer.Sanitize(writer.ToString()), toc.Count >= TocMinimumHeadings ? toc : [], Failure: null);
    }

    /// <summary>The prose and code a reader reads, as plain text, and its words: from the Markdown syntax tree.</summary>
    public ArticleText ReadText(string markdown)
    {
        // A pathological file must not hold up the content sync: past the time limit, take the raw text instead.
        var reading = Task.Run(() => ReadParsedText(markdown));
        return reading.Wait(timeLimit) ? reading.Result : RawText(markdown);
    }

    private ArticleText ReadParsedText(string markdown)
    {
        try
        {
            var document = Markdown.Parse(markdown, articlePipeline);
            var text = new StringBuilder(markdown.Length);
            var words = 0;
            foreach (var node in document.Descendants())
            {
                // Words are counted node by node, so "**bold**text" stays two words as it reads.
                var content = node switch
                {
                    LiteralInline literal => literal.Content.AsSpan(),
                    CodeInline code => code.Content.AsSpan(),
                    LineBreakInline => " ",
                    LeafBlock { Lines.Count: > 0 } leaf and CodeBlock => leaf.Lines.ToString().AsSpan(),
                    _ => default,
                };
                if (node is LeafBlock && text.Length > 0)
                {
                    text.Append('\n');
                }

                words += Words(content);
                text.Append(content);
            }

            return new ArticleText(text.ToString().Trim(), words);
        }
        catch (ArgumentException)
        {
            return RawText(markdown);
        }
    }

    private static ArticleText RawText(string markdown) => new(markdown, Words(markdown.AsSpan()));

    public static string HashOf(string markdown) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(markdown)));

    public void Dispose() => memo.Dispose();

    private static int Words(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter || (inWord && !char.IsWhiteSpace(c));
        }

        return words;
    }

    private static List<TocEntry> TableOfContents(MarkdownDocument document)
    {
        var toc = new List<TocEntry>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id;
            if (heading.Level is 2 or 3 && !string.IsNullOrEmpty(id))
            {
                toc.Add(new TocEntry(heading.Level, id, PlainTextOf(heading.Inline)));
            }
        }

        return toc;
    }

    private static void AddHeadingAnchors(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id;
            if (heading.Level < 2 || string.IsNullOrEmpty(id) || heading.Inline is null)
            {
                continue;
            }

            var anchor = new LinkInline("#" + id, "");
            anchor.GetAttributes().AddClass("heading-anchor");
            anchor.AppendChild(new LiteralInline("#"));
            heading.Inline.AppendChild(new LiteralInline(" "));
            heading.Inline.AppendChild(anchor);
        }
    }

    private static string PlainTextOf(ContainerInline? inline)
    {
        var text = new StringBuilder();
        if (inline is not null)
        {
            foreach (var node in inline.Descendants())
            {
                switch (node)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                }
            }
        }

        return text.ToString();
    }

    private static RenderedArticle PlainText(string markdown, RenderFailure failure) =>
        new($"<p class=\"render-fallback\">{RenderFailures.ArticleNotice(failure)}</p><pre class=\"render-fallback-source\" tabindex=\"0\">{WebUtility.HtmlEncode(markdown)}</pre>",
            [], failure);
}
