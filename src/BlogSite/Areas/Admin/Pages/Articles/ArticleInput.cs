using System.ComponentModel.DataAnnotations;
using BlogSite.Domain;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>
/// What the editor form posts. Times are UTC; an empty slug is made from the title. An empty field binds
/// as "" rather than null, so the non-nullable strings stay non-null while [Required] still refuses them.
/// </summary>
public sealed class ArticleInput
{
    /// <summary>A body this long is a book, not a post; the content/ file limit is about the same.</summary>
    public const int MaxBodyLength = 1_000_000;

    public const int MaxTags = 10;

    [Required(ErrorMessage = "Give the article a title.")]
    [StringLength(Article.MaxTitleLength, ErrorMessage = "The title can be at most {1} characters.")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Title { get; set; } = "";

    [StringLength(Domain.Slug.MaxLength, ErrorMessage = "The slug can be at most {1} characters.")]
    public string? Slug { get; set; }

    [StringLength(Article.MaxSummaryLength, ErrorMessage = "The summary can be at most {1} characters.")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Pick a category or type a new one.")]
    [StringLength(Domain.Category.MaxNameLength, ErrorMessage = "A category name can be at most {1} characters.")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Category { get; set; } = "";

    /// <summary>Comma-separated tag names.</summary>
    [StringLength(400, ErrorMessage = "The tags can be at most {1} characters in all.")]
    public string? Tags { get; set; }

    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>When a published article appears; a time to come schedules it. Empty: now, on publishing.</summary>
    [DataType(DataType.DateTime)]
    public DateTime? PublishAt { get; set; }

    public bool AdsOff { get; set; }

    public bool CommentsClosed { get; set; }

    [StringLength(MaxBodyLength, ErrorMessage = "The text can be at most {1} characters.")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Body { get; set; } = "";

    /// <summary>The form a Markdown file with front matter fills in, as the content/ sync reads it.</summary>
    public static ArticleInput From(Content.FrontMatter meta, string body) => new()
    {
        Title = meta.Title,
        Slug = meta.Slug,
        Summary = meta.Summary,
        Category = meta.Category,
        Tags = string.Join(", ", meta.Tags),
        Status = meta.Draft ? ArticleStatus.Draft : ArticleStatus.Published,
        PublishAt = meta.Date,
        AdsOff = !meta.Ads,
        CommentsClosed = !meta.Comments,
        Body = body,
    };

    /// <summary>The tag names, trimmed, without empties or repeats.</summary>
    public IReadOnlyList<string> TagNames() =>
        (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .DistinctBy(Domain.Slug.From, StringComparer.Ordinal)
            .ToList();
}
