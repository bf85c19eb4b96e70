using BlogSite.Content;

namespace BlogSite.Pages.Articles;

public sealed record TagLink(int Id, string Slug, string Name);

/// <summary>An article as a card in a list.</summary>
public sealed record ArticleSummary(
    string Slug,
    string Title,
    string Summary,
    string CategorySlug,
    string CategoryName,
    string AuthorName,
    DateTime PublishedAt,
    int ReadingMinutes,
    long Views,
    long Hearts);

/// <summary>
/// One page of a list, numbered from 1. <see cref="MoreInArchive"/> says the list goes on beyond its last page
/// (<see cref="ListOptions.MaxPages"/>), in the archive.
/// </summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, int Page, int TotalPages, bool MoreInArchive = false)
{
    public bool IsEmpty => Items.Count == 0;
}

/// <summary>Everything the article page shows.</summary>
public sealed record ArticleDetails(
    int Id,
    string Slug,
    string Title,
    string Summary,
    int CategoryId,
    string CategorySlug,
    string CategoryName,
    IReadOnlyList<TagLink> Tags,
    string AuthorName,
    string? AuthorSlug,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    int WordCount,
    int ReadingMinutes,
    long Views,
    long Hearts,
    bool AdsOff,
    bool CommentsClosed,
    RenderedArticle Body);

/// <summary>An article shown under another because they share tags or a category.</summary>
public sealed record RelatedArticle(string Slug, string Title, DateTime PublishedAt, int ReadingMinutes);
