namespace BlogSite.Domain;

/// <summary>
/// An article's Markdown and its plain text, stored apart from the article's row (table ArticleBodies): at ~12 KB
/// they would push the columns after them onto overflow pages, so that reading an article's date for a list
/// cost ~15 µs a row instead of ~1. A query reads them only when it selects them.
/// </summary>
public sealed class ArticleBody
{
    public string Markdown { get; internal set; } = "";

    /// <summary>The body as plain text, without Markdown syntax: what search indexes and quotes.</summary>
    public string PlainText { get; internal set; } = "";
}
