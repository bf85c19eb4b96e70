using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Accounts;

public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut, bool Disabled);

/// <summary>Creating users, setting their roles, resetting, unlocking and disabling them: for the command line and the admin page alike.</summary>
public sealed class UserCommands(UserManager<BlogUser> users, RoleManager<IdentityRole> roles, BlogDbContext db, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates a user with the given roles; the errors, if any, are for people.</summary>
    public async Task<IReadOnlyList<string>> AddAsync(string email, string displayName, string password, IEnumerable<string> roleNames)
    {
        var wanted = roleNames.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unknown = wanted.Where(r => !Roles.All.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            return [$"Unknown role {string.Join(", ", unknown)}; roles are {string.Join(", ", Roles.All)}."];
        }

        displayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim();
        var slug = Domain.Slug.From(displayName);
        if (slug.Length == 0 || await db.Users.AnyAsync(u => u.Slug == slug))
        {
            return [$"The display name '{displayName}' is empty or already taken."];
        }

        await EnsureRolesAsync();
        var user = new BlogUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Slug = slug };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }

        var canonical = Roles.All.Where(r => wanted.Contains(r, StringComparer.OrdinalIgnoreCase));
        var added = await users.AddToRolesAsync(user, canonical);
        if (!added.Succeeded)
        {
            return added.Errors.Select(e => e.Description).ToList();
        }

        await LinkArticlesAsync(user);
        return [];
    }

    public async Task<IReadOnlyList<string>> SetRolesAsync(string userId, IEnumerable<string> roleNames)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return [NoSuchUser];
        }

        var wanted = Roles.All.Where(r => roleNames.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        return removed.Errors.Concat(added.Errors).Select(e => e.Description).ToList();
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var list = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                u.DisabledAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return list.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, u.Roles.Order().ToList(), u.LockoutEnd > now, u.DisabledAt != null)).ToList();
    }

    /// <summary>The id of the account with <paramref name="email"/>, or null.</summary>
    public async Task<string?> IdOfAsync(string email) => (await users.FindByEmailAsync(email.Trim()))?.Id;

    /// <summary>
    /// Makes every open session of the user end at its next check (within a minute, see AddBlogAccounts):
    /// sign-out, a password change, a role change and disabling all call it.
    /// </summary>
    public async Task<IReadOnlyList<string>> EndSessionsAsync(BlogUser user) =>
        Errors(await users.UpdateSecurityStampAsync(user));

    /// <summary>Sets a new password without the old one (Identity's reset, which also ends the user's sessions).</summary>
    public async Task<IReadOnlyList<string>> ResetPasswordAsync(string userId, string password)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return [NoSuchUser];
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        return Errors(await users.ResetPasswordAsync(user, token, password));
    }

    /// <summary>Ends a lockout after wrong passwords now, and forgets the failed tries.</summary>
    public async Task<IReadOnlyList<string>> UnlockAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return [NoSuchUser];
        }

        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        return unlocked.Succeeded ? Errors(await users.ResetAccessFailedCountAsync(user)) : Errors(unlocked);
    }

    /// <summary>
    /// Stops <paramref name="userId"/> from signing in and ends their sessions. <paramref name="actorId"/> is the admin
    /// doing it (null from the command line): nobody disables themself, and the last admin who can sign in stays.
    /// </summary>
    public async Task<IReadOnlyList<string>> DisableAsync(string userId, string? actorId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return [NoSuchUser];
        }

        if (userId == actorId)
        {
            return ["You can't disable your own account; another admin can."];
        }

        if (user.IsDisabled)
        {
            return [];
        }

        if (await users.IsInRoleAsync(user, Roles.Admin)
            && !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(admin => admin.Id != user.Id && !admin.IsDisabled))
        {
            return [$"{user.Email} is the last admin who can sign in; give another account the Admin role first."];
        }

        return await DisableUncheckedAsync(user);
    }

    public async Task<IReadOnlyList<string>> EnableAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return [NoSuchUser];
        }

        user.DisabledAt = null;
        return Errors(await users.UpdateAsync(user));
    }

    /// <summary>Disables without the rules that protect the last admin: for accounts that must never sign in, like leftover demo accounts.</summary>
    internal async Task<IReadOnlyList<string>> DisableUncheckedAsync(BlogUser user)
    {
        user.DisabledAt = clock.GetUtcNow().UtcDateTime;
        // The new stamp is saved with DisabledAt in one update.
        return await EndSessionsAsync(user);
    }

    private const string NoSuchUser = "No such user.";

    private static List<string> Errors(IdentityResult result) => result.Errors.Select(e => e.Description).ToList();

    /// <summary>Articles synced before the account existed now link to it.</summary>
    private Task<int> LinkArticlesAsync(BlogUser user) =>
        db.Articles.Where(a => a.AuthorId == null && a.AuthorName == user.DisplayName)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AuthorId, user.Id));
}
