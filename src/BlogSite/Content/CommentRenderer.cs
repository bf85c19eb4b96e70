using System.Net;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Caching.Memory;

namespace BlogSite.Content;

/// <summary>
/// Markdown for readers' comments: no raw HTML, no images, no headings, and every link marked
/// nofollow ugc noopener. The output passes an allow-list sanitizer and is memoised by body.
/// </summary>
public sealed class CommentRenderer : IDisposable
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

    public string Render(string markdown) =>
        memo.GetOrCreate(MarkdownRenderer.HashOf(markdown), entry =>
        {
            entry.Size = markdown.Length + 1;
            return RenderUncached(markdown);
        })!;

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

    private string RenderUncached(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            // Nested past Markdig's depth limit: show the words, not an error.
            return $"<p>{WebUtility.HtmlEncode(markdown)}</p>";
        }

        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            // Images could track readers or shock them: an image becomes a link to it.
            image.IsImage = false;
        }

        return sanitizer.Sanitize(document.ToHtml(pipeline));
    }

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
