using System.ComponentModel.DataAnnotations;

namespace BlogSite.Pages.Comments;

/// <summary>What the comment form posts. Lengths are checked against the options in <see cref="CommentCommands"/>.</summary>
public sealed class CommentInput
{
    [Required(ErrorMessage = "Please give a name to show with your comment.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [EmailAddress(ErrorMessage = "That doesn't look like an email address.")]
    [StringLength(254)]
    [Display(Name = "Email (optional, never shown)")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Please write your comment.")]
    [Display(Name = "Comment")]
    public string Body { get; set; } = "";

    public int? ParentId { get; set; }

    /// <summary>"E-mail me when someone replies": only with an e-mail address, and only while the site sends e-mail.</summary>
    public bool NotifyReplies { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by naive bots.</summary>
    public string? Website { get; set; }

    /// <summary>When the form was shown, protected against tampering, for the minimum form age.</summary>
    public string? Started { get; set; }
}
