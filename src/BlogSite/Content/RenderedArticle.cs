namespace BlogSite.Content;

public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>Sanitized HTML and its table of contents. <see cref="Fallback"/> says the body was shown as plain text.</summary>
public sealed record RenderedArticle(string Html, IReadOnlyList<TocEntry> Toc, bool Fallback);
