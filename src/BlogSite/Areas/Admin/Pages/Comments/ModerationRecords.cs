using BlogSite.Domain;

namespace BlogSite.Areas.Admin.Pages.Comments;

/// <summary>
/// What the queue shows: one status, optionally narrowed to the articles whose title or slug matches
/// <see cref="Article"/>, words in the body or name, and a held reason.
/// </summary>
public sealed record ModerationFilter(CommentStatus Status, string? Article, string? Search, string? Held, int PageNumber);

/// <summary>A status and its comments, counted up to <see cref="ModerationQueries.MaxCounted"/>; <see cref="IsCapped"/> when more.</summary>
public sealed record StatusTab(CommentStatus Status, int Count, bool IsCapped);

/// <summary>The comment a reply answers, so a moderator reads the reply in context.</summary>
public sealed record ParentContext(int Id, string AuthorName, string Excerpt);

/// <summary>A comment as a moderator sees it; <see cref="BodyHtml"/> has passed the comment sanitizer.</summary>
public sealed record ModerationItem(
    int Id,
    string ArticleSlug,
    string ArticleTitle,
    ParentContext? Parent,
    string AuthorName,
    string BodyHtml,
    DateTime CreatedAt,
    CommentStatus Status,
    string? HeldReason,
    int ReportCount,
    IReadOnlyList<ModerationAction> Actions);

/// <summary>
/// One page of the queue, numbered from 1, with the count under each status tab; <see cref="TooManyArticles"/>
/// when the article filter matched more than <see cref="ModerationQueries.MaxArticles"/> articles;
/// <see cref="SearchedNewestOnly"/> when a text search looked only at the tab's newest
/// <see cref="ModerationQueries.MaxSearched"/> comments.
/// </summary>
public sealed record ModerationQueuePage(
    IReadOnlyList<ModerationItem> Items,
    IReadOnlyList<StatusTab> Tabs,
    bool TooManyArticles,
    bool SearchedNewestOnly,
    int PageNumber,
    int TotalPages,
    int Total);

public sealed record CommentReportItem(string? Reason, DateTime CreatedAt);

/// <summary>One line of the audit trail.</summary>
public sealed record ModerationEventItem(
    int Id,
    int CommentId,
    string CommentAuthor,
    string ArticleTitle,
    string ActorName,
    ModerationAction Action,
    CommentStatus FromStatus,
    CommentStatus ToStatus,
    string? Note,
    DateTime At);

/// <summary>Everything the page of one comment shows.</summary>
public sealed record CommentModeration(
    ModerationItem Comment,
    int ReplyCount,
    IReadOnlyList<CommentReportItem> Reports,
    IReadOnlyList<ModerationEventItem> Events);

public sealed record AuditPage(IReadOnlyList<ModerationEventItem> Items, int PageNumber, int TotalPages, int Total);

/// <summary>The signed-in moderator, as the audit trail names them.</summary>
public sealed record Actor(string Id, string Name);
