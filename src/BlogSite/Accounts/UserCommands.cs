using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Accounts;

public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>Creating users and setting their roles, for the command line and the admin page alike.</summary>
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
            return ["No such user."];
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
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return list.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, u.Roles.Order().ToList(), u.LockoutEnd > now)).ToList();
    }

    /// <summary>Articles synced before the account existed now link to it.</summary>
    private Task<int> LinkArticlesAsync(BlogUser user) =>
        db.Articles.Where(a => a.AuthorId == null && a.AuthorName == user.DisplayName)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AuthorId, user.Id));
}
