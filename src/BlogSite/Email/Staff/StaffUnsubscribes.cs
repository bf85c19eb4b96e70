using BlogSite.Data;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Email.Staff;

/// <summary>The staff's two choices, each ended by the unsubscribe link in its messages as by the account's notification settings.</summary>
public static class StaffScopes
{
    /// <summary>An author's "new comments on my articles"; the subject is the user's id.</summary>
    public const string Comments = "staff-comments";

    /// <summary>A moderator's "comments held or reported"; the subject is the user's id.</summary>
    public const string Moderation = "staff-moderation";
}

public sealed class StaffCommentsUnsubscribe(BlogDbContext db) : IUnsubscribeHandler
{
    public string Scope => StaffScopes.Comments;

    public string Question => "Stop the e-mails about new comments on your articles? You can turn them on again in your account's notification settings.";

    public async Task<bool> UnsubscribeAsync(string subject, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == subject).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotifyOfComments, false), ct) == 1;
}

public sealed class StaffModerationUnsubscribe(BlogDbContext db) : IUnsubscribeHandler
{
    public string Scope => StaffScopes.Moderation;

    public string Question => "Stop the e-mails about comments that are held or reported? You can turn them on again in your account's notification settings.";

    public async Task<bool> UnsubscribeAsync(string subject, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == subject).ExecuteUpdateAsync(s => s.SetProperty(u => u.NotifyOfModeration, false), ct) == 1;
}
