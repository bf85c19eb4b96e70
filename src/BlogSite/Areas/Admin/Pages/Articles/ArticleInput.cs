using System.ComponentModel.DataAnnotations;
using BlogSite.Domain;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>
/// What the editor form posts. Times are UTC; an empty slug is made from the title. An empty field binds
/// as "" rather than null, so the non-nullable strings stay non-null while [Required] still refuses them.
/// </summary>
public sealed class ArticleInput
{
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

    [StringLength(ArticleRules.MaxBodyLength, ErrorMessage = "The text can be at most {1} characters.")]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Body { get; set; } = "";

    /// <summary>What the form asks of the article; its time has no zone, and the editor says it is UTC.</summary>
    public ArticleDraft ToDraft() => new()
    {
        Title = Title,
        Slug = Slug,
        Summary = Summary ?? "",
        Category = Category,
        Tags = (Tags ?? "").Split(','),
        Status = Status,
        PublishAt = PublishAt,
        AdsOff = AdsOff,
        CommentsClosed = CommentsClosed,
        Body = Body,
    };
}
