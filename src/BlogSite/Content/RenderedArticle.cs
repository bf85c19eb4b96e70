namespace BlogSite.Content;

public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>Sanitized HTML and its table of contents; when <see cref="Failure"/> is set, the body is its source as plain text.</summary>
public sealed record RenderedArticle(string Html, IReadOnlyList<TocEntry> Toc, RenderFailure? Failure)
{
    public bool Fallback => Failure is not null;
}
