using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace BlogSite.Content;

/// <summary>Replaces Markdig's code block renderer with one that highlights fenced code on the server.</summary>
internal sealed class HighlightedCodeExtension(CodeHighlighter highlighter) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.FindExact<CodeBlockRenderer>() is { } plain)
        {
            html.ObjectRenderers.Replace<CodeBlockRenderer>(new HighlightedCodeBlockRenderer(highlighter, plain));
        }
    }

    private sealed class HighlightedCodeBlockRenderer(CodeHighlighter highlighter, CodeBlockRenderer plain)
        : HtmlObjectRenderer<CodeBlock>
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock block)
        {
            var language = (block as FencedCodeBlock)?.Info?.Trim() ?? "";
            var highlighted = language.Length == 0 ? null : highlighter.Highlight(block.Lines.ToString(), language);
            if (highlighted is null)
            {
                plain.Write(renderer, block);
                return;
            }

            var name = WebUtility.HtmlEncode(language.ToLowerInvariant());
            renderer.EnsureLine();
            renderer.Write("<pre class=\"code\" data-lang=\"").Write(name).Write("\"><code class=\"language-")
                .Write(name).Write("\">").Write(highlighted).WriteLine("</code></pre>");
        }
    }
}
