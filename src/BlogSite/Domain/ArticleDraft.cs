namespace BlogSite.Domain;

/// <summary>
/// What a writing path (the editor, a <c>.md</c> upload, the <c>content/</c> sync, an import) wants an article to
/// be. Each path only maps its input to a draft; <see cref="ArticleRules"/> checks it and the article writer
/// applies it, so the rules cannot drift apart between paths. An empty slug is made from the title; times are UTC.
/// </summary>
public sealed record ArticleDraft
{
    public required string Title { get; init; }
    public string? Slug { get; init; }
    public string Summary { get; init; } = "";
    public required string Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public ArticleStatus Status { get; init; }

    /// <summary>When a published article appears (a time to come schedules it); none: now, on publishing.</summary>
    public DateTime? PublishAt { get; init; }
    public bool AdsOff { get; init; }
    public bool CommentsClosed { get; init; }
    public string Body { get; init; } = "";

    /// <summary>
    /// Old paths of the article on this site or another (<c>/2019/05/old-name/</c>), answered with a 301: the
    /// whole set, replacing the article's; null keeps them (the editor has no field for them).
    /// </summary>
    public IReadOnlyList<string>? Aliases { get; init; }
}
