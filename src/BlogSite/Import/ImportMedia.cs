using System.Text.RegularExpressions;
using BlogSite.Media;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BlogSite.Import;

/// <summary>What storing an export's images did: the export with its articles pointing at the stored images, and how many were stored.</summary>
public sealed record ImportedMediaResult(ImportedSite Site, int ImagesStored);

/// <summary>
/// Stores the images an export's articles show (and link to) from a folder on this machine through the site's
/// <see cref="ImageStore"/> (the same checks and size limit as an editor's upload), and points the article Markdown
/// at the stored <c>/media/…</c> addresses: <c>![..](url)</c>, reference definitions, links to image files and the
/// <c>&lt;img src&gt;</c> of raw HTML. An image that is missing or refused is a note naming it, never the article's
/// failure; an image used twice is stored once (the store names files by their bytes). BlogSite articles have no
/// feature image, so an article's <see cref="ImportedArticle.FeatureImage"/> goes at the top of its body, with a note.
/// HTML bodies are turned into Markdown here, so that the addresses are rewritten where the article will keep them.
/// </summary>
public sealed partial class ImportMedia(ImageStore images)
{
    // Positions in the Markdown as written, so each address is replaced where it stands and nothing else changes.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UsePreciseSourceLocation().Build();

    [GeneratedRegex(@"<img\b[^>]*?\bsrc\s*=\s*(?:""(?<url>[^""]*)""|'(?<url>[^']*)'|(?<url>[^\s>""']+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImgSrc();

    public async Task<ImportedMediaResult> StoreAsync(string source, ImportedSite site, MediaFolder folder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(folder);
        var run = new Run(images, folder);
        var skipped = new List<ImportSkip>(site.Skipped);
        var articles = new List<ImportedArticle>(site.Articles.Count);
        foreach (var article in site.Articles)
        {
            ct.ThrowIfCancellationRequested();
            var where = $"{(article.Title.Length > 0 ? $"\"{article.Title}\"" : "an untitled article")} ({source}:{article.SourceId})";
            var notes = new List<string>();
            var body = article.BodyFormat == ImportedBodyFormat.Html ? HtmlToMarkdown.Convert(article.Body) : article.Body;
            body = await RewriteAsync(run, article.SourceId, body, notes, ct);
            if (article.FeatureImage is { Length: > 0 } feature)
            {
                var stored = await run.StoreAsync(article.SourceId, feature, isImage: true, notes, ct);
                if (stored is not null && !body.Contains(stored, StringComparison.Ordinal))
                {
                    body = ImageMarkdown.For(article.Title, stored) + "\n\n" + body;
                    notes.Add("its feature image is at the top of the body (BlogSite articles have no feature image of their own).");
                }
            }

            skipped.AddRange(notes.Select(note => new ImportSkip(where, note)));
            articles.Add(article with { Body = body, BodyFormat = ImportedBodyFormat.Markdown });
        }

        return new ImportedMediaResult(new ImportedSite(articles, skipped) { Media = site.Media }, run.Stored.Count);
    }

    private static async Task<string> RewriteAsync(Run run, string sourceId, string markdown, List<string> notes, CancellationToken ct)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var edits = new List<(int Start, int Length, string Url)>();
        async Task AddAsync(SourceSpan span, string? url, bool isImage)
        {
            if (span.IsEmpty || span.Start < 0 || span.End >= markdown.Length || string.IsNullOrWhiteSpace(url))
            {
                return;
            }

            if ((isImage || MediaFolder.NamesAnImage(url)) && await run.StoreAsync(sourceId, url, isImage, notes, ct) is { } stored)
            {
                edits.Add((span.Start, span.Length, stored));
            }
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline { IsAutoLink: false } link when link.Reference is null:
                    await AddAsync(link.UrlSpan, link.Url, link.IsImage);
                    break;
                case LinkReferenceDefinition definition:
                    await AddAsync(definition.UrlSpan, definition.Url, isImage: false);
                    break;
                case HtmlInline or HtmlBlock:
                    var span = node.Span;
                    if (span.IsEmpty || span.End >= markdown.Length)
                    {
                        break;
                    }

                    foreach (Match img in ImgSrc().Matches(markdown, span.Start).TakeWhile(m => m.Index <= span.End))
                    {
                        var group = img.Groups["url"];
                        await AddAsync(new SourceSpan(group.Index, group.Index + group.Length - 1), System.Net.WebUtility.HtmlDecode(group.Value), isImage: true);
                    }

                    break;
            }
        }

        foreach (var (start, length, url) in edits.DistinctBy(e => e.Start).OrderByDescending(e => e.Start))
        {
            markdown = string.Concat(markdown.AsSpan(0, start), url, markdown.AsSpan(start + length));
        }

        return markdown;
    }

    /// <summary>One import's images: what each file became, so a file used by many articles is read and stored once.</summary>
    private sealed class Run(ImageStore images, MediaFolder folder)
    {
        private readonly Dictionary<string, ImageUploadResult> byFile = new(StringComparer.Ordinal);

        public HashSet<string> Stored { get; } = new(StringComparer.Ordinal);

        /// <summary>The stored address of the image <paramref name="url"/> names, or null (with a note when it was looked for and not stored).</summary>
        public async Task<string?> StoreAsync(string sourceId, string url, bool isImage, List<string> notes, CancellationToken ct)
        {
            var candidates = folder.Candidates(sourceId, url);
            if (candidates.Count == 0)
            {
                return null;
            }

            var file = candidates.FirstOrDefault(IsPlainFile);
            if (file is null)
            {
                if (isImage)
                {
                    notes.Add($"the image {url} is not in the media folder; its address was left as it was.");
                }

                return null;
            }

            if (!byFile.TryGetValue(file, out var result))
            {
                await using (var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true))
                {
                    result = await images.SaveAsync(content, content.Length, ct);
                }

                byFile[file] = result;
                if (result.Stored)
                {
                    Stored.Add(result.Url);
                }
            }

            if (!result.Stored)
            {
                notes.Add($"the image {Path.GetRelativePath(folder.Root, file).Replace('\\', '/')} was not stored: {result.Message}");
                return null;
            }

            return result.Url;
        }

        // A link could lead out of the folder; only files that are themselves in it are read.
        private static bool IsPlainFile(string path) => File.Exists(path) && new FileInfo(path).LinkTarget is null;
    }
}
