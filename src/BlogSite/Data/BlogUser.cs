using Microsoft.AspNetCore.Identity;

namespace BlogSite.Data;

/// <summary>A staff account: an author, a moderator or an admin. Readers have no accounts.</summary>
public sealed class BlogUser : IdentityUser
{
    public const int MaxDisplayNameLength = 100;

    public string DisplayName { get; set; } = "";

    /// <summary>The author page's address, from the display name.</summary>
    public string Slug { get; set; } = "";
}
