using Microsoft.AspNetCore.Identity;

namespace BlogSite.Data;

/// <summary>A staff account: an author, a moderator or an admin. Readers have no accounts.</summary>
public sealed class BlogUser : IdentityUser
{
    public const int MaxDisplayNameLength = 100;

    public string DisplayName { get; set; } = "";

    /// <summary>The author page's address, from the display name.</summary>
    public string Slug { get; set; } = "";

    /// <summary>
    /// When an admin disabled the account (UTC); null while it may sign in. Kept apart from Identity's
    /// lockout so that unlocking a mistyped password never re-opens an account an admin closed.
    /// </summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>An author's choice to be mailed each new comment on their own articles.</summary>
    public bool NotifyOfComments { get; set; }

    /// <summary>A moderator's (or admin's) choice to be mailed when a comment is held or reported.</summary>
    public bool NotifyOfModeration { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}
