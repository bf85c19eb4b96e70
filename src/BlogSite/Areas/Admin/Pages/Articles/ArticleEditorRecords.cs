using BlogSite.Domain;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>The signed-in writer: Admins act on every article, Authors on their own.</summary>
public sealed record Writer(string Id, string Name, bool IsAdmin)
{
    public bool MayEdit(string? authorId) => IsAdmin || (authorId is not null && authorId == Id);
}

/// <summary>Draft, scheduled (published with a date to come) or published.</summary>
public enum EditorStatus
{
    Draft,
    Scheduled,
    Published,
}

public sealed record EditorListItem(
    int Id, string Title, string Slug, EditorStatus Status, DateTime? PublishedAt, DateTime UpdatedAt,
    string AuthorName, long Views, long Hearts, int Comments, string? SourcePath);

/// <summary>One page of the list; <see cref="Total"/> stops at <see cref="ArticleEditorQueries.MaxListed"/>, and <see cref="IsCapped"/> says more match.</summary>
public sealed record EditorList(IReadOnlyList<EditorListItem> Items, int PageNumber, int TotalPages, int Total, bool IsCapped);

/// <summary>An article as the editor shows it; <see cref="SourcePath"/> set means read-only (the file wins).</summary>
public sealed record EditorArticle(
    int Id, string Slug, EditorStatus Status, string? AuthorId, string AuthorName, string? SourcePath, DateTime UpdatedAt, ArticleInput Input);

public sealed record RevisionItem(int Id, DateTime CreatedAt, string SavedByName, string Title, string Note, int Length);

public sealed record RevisionDetails(int Id, DateTime CreatedAt, string SavedByName, string Title, string Summary, string Body, string Note);

/// <summary>Finding an article for a writer: it may not exist, or belong to someone else.</summary>
public enum Access
{
    Allowed,
    NotFound,
    Forbidden,
}

/// <summary>The writer and the article they opened; <see cref="Article"/> only when <see cref="Access"/> allows it.</summary>
public sealed record Opened(Access Access, Writer? Writer, EditorArticle? Article);

public static class EditorStatuses
{
    public static EditorStatus Of(ArticleStatus status, DateTime? publishedAt, DateTime now) =>
        status == ArticleStatus.Draft ? EditorStatus.Draft
        : Article.IsScheduled(status, publishedAt, now) ? EditorStatus.Scheduled
        : EditorStatus.Published;
}
