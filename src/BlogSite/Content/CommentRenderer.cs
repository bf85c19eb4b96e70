using System.Net;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BlogSite.Content;

/// <summary>A comment's HTML; when <see cref="Failure"/> is set, its text as plain text instead.</summary>
public sealed record RenderedComment(string Html, RenderFailure? Failure);

/// <summary>
/// Markdown for readers' comments: no raw HTML, no images, no headings, and every link marked
/// nofollow ugc noopener. The output passes an allow-list sanitizer and is memoised by body. A render is
/// bounded in time and in the length of its HTML; past either, the comment is shown as plain text.
/// </summary>
public sealed class CommentRenderer(RenderSlots slots, IOptions<RenderingOptions> options) : IDisposable
{
    private static readonly string[] Tags =
        ["a", "blockquote", "br", "code", "del", "em", "li", "ol", "p", "pre", "strong", "ul"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .Build();

    private readonly HtmlSanitizer sanitizer = Sanitizer();
    private readonly MemoryCache memo = new(new MemoryCacheOptions { SizeLimit = 16_000_000 });
    private readonly TimeSpan timeLimit = TimeSpan.FromMilliseconds(options.Value.CommentTimeLimitMilliseconds);

    /// <summary>The longest HTML a comment may render to.</summary>
    public int MaxHtmlCharacters { get; } = options.Value.MaxCommentHtmlCharacters;

    /// <summary>
    /// Renders in a render slot on its own thread, for the pages readers can reach; busy when no slot was free
    /// (not memoised, so the comment renders once slots free up).
    /// </summary>
    public async Task<RenderedComment> RenderAsync(string markdown, CancellationToken ct)
    {
        var key = MarkdownRenderer.HashOf(markdown);
        if (memo.TryGetValue(key, out RenderedComment? known) && known is not null)
        {
            return known;
        }

        if (await slots.TryStartAsync(() => RenderUncached(markdown), ct) is not { } rendering)
        {
            return PlainText(markdown, RenderFailure.Busy);
        }

        RenderedComment rendered;
        try
        {
            rendered = await rendering.WaitAsync(timeLimit, ct);
        }
        catch (TimeoutException)
        {
            // The render stops itself at its next write; a parse that overran is memoised as too slow below.
            rendered = PlainText(markdown, RenderFailure.TooSlow);
        }

        return Remember(key, markdown, rendered);
    }

    /// <summary>Renders on the caller's thread, within the same limits, for staff pages that list stored comments.</summary>
    public string Render(string markdown)
    {
        var key = MarkdownRenderer.HashOf(markdown);
        return memo.TryGetValue(key, out RenderedComment? known) && known is not null
            ? known.Html
            : Remember(key, markdown, RenderUncached(markdown)).Html;
    }

    /// <summary>Counts the links a comment would show, for the link-count hold.</summary>
    public int CountLinks(string markdown)
    {
        try
        {
            var document = Markdown.Parse(markdown, pipeline);
            return document.Descendants<LinkInline>().Count() + document.Descendants<AutolinkInline>().Count();
        }
        catch (ArgumentException)
        {
            return 0;
        }
    }

    public void Dispose() => memo.Dispose();

    private RenderedComment Remember(string key, string markdown, RenderedComment rendered)
    {
        memo.Set(key, rendered, new MemoryCacheEntryOptions { Size = markdown.Length + rendered.Html.Length + 1 });
        return rendered;
    }

    private RenderedComment RenderUncached(string markdown)
    {
        var writer = BoundedHtmlWriter.Within(MaxHtmlCharacters, timeLimit);
        try
        {
            var document = Markdown.Parse(markdown, pipeline);
            writer.CheckDeadline();
            foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
            {
                // Images could track readers or shock them: an image becomes a link to it.
                image.IsImage = false;
            }

            var html = new HtmlRenderer(writer);
            pipeline.Setup(html);
            html.Render(document);
        }
        catch (ArgumentException)
        {
            // Nested past Markdig's depth limit, when parsing or when writing HTML.
            return PlainText(markdown, RenderFailure.TooDeep);
        }
        catch (RenderLimitException ex)
        {
            return PlainText(markdown, ex.Failure);
        }

        return new RenderedComment(sanitizer.Sanitize(writer.ToString()), Failure: null);
    }

    /// <summary>The words as typed, line breaks kept by the stylesheet: what a comment shows when it cannot be formatted.</summary>
    private static RenderedComment PlainText(string markdown, RenderFailure failure) =>
        new($"<p class=\"comment__plain\">{WebUtility.HtmlEncode(markdown)}</p>", failure);

    private static HtmlSanitizer Sanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        })
        {
            // Headings and anything else not allowed lose their tag but keep their words.
            KeepChildNodes = true,
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not AngleSharp.Dom.IElement element)
            {
                return;
            }

            if (element.LocalName == "a")
            {
                element.SetAttribute("rel", "nofollow ugc noopener");
            }

            Sanitizers.LetKeyboardScroll(element);
        };
        return sanitizer;
    }
}
