using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Accounts;

/// <summary>A staff member's e-mail choices, each offered only to the roles it concerns.</summary>
public sealed record NotificationChoices(bool OffersComments, bool Comments, bool OffersModeration, bool Moderation);

/// <summary>
/// Which messages a staff member gets: new comments on their own articles (authors and admins), comments held or
/// reported (moderators and admins). A choice the account's roles don't offer is stored off, so a role taken away
/// ends its messages too.
/// </summary>
public sealed class NotificationSettings(BlogDbContext db)
{
    public async Task<NotificationChoices?> GetAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.NotifyOfComments, u.NotifyOfModeration }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var (writes, moderates) = await OffersAsync(userId, ct);
        return new NotificationChoices(writes, writes && user.NotifyOfComments, moderates, moderates && user.NotifyOfModeration);
    }

    /// <summary>Stores the choices; false when the account is gone.</summary>
    public async Task<bool> SetAsync(string userId, bool comments, bool moderation, CancellationToken ct)
    {
        var (writes, moderates) = await OffersAsync(userId, ct);
        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.NotifyOfComments, writes && comments)
            .SetProperty(u => u.NotifyOfModeration, moderates && moderation), ct);
        return changed == 1;
    }

    private async Task<(bool Writes, bool Moderates)> OffersAsync(string userId, CancellationToken ct)
    {
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(ct);
        return (roles.Contains(Roles.Admin) || roles.Contains(Roles.Author), roles.Contains(Roles.Admin) || roles.Contains(Roles.Moderator));
    }
}
