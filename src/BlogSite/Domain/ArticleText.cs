namespace BlogSite.Domain;

/// <summary>What a reader reads of an article's Markdown: its prose and code as plain text, and how many words that is.</summary>
public sealed record ArticleText(string Plain, int Words);
