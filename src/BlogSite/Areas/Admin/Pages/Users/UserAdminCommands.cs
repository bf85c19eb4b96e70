using BlogSite.Accounts;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Areas.Admin.Pages.Users;

/// <summary>The admin page's use of <see cref="UserCommands"/>: each change whole or not at all, and no admin locking themselves out.</summary>
public sealed class UserAdminCommands(UserCommands users, UserManager<BlogUser> userManager, BlogDbContext db)
{
    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct) => users.ListAsync(ct);

    /// <summary>Creates the user with their roles; on any error nothing is kept.</summary>
    public Task<IReadOnlyList<string>> AddAsync(string email, string? displayName, string password, IReadOnlyList<string> roles, CancellationToken ct) =>
        InTransactionAsync(() => users.AddAsync(email.Trim(), displayName?.Trim() ?? "", password, roles), ct);

    /// <summary>Gives <paramref name="userId"/> exactly <paramref name="roles"/>.</summary>
    public async Task<IReadOnlyList<string>> SetRolesAsync(string actorId, string userId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (UnknownRoles(roles) is { } unknown)
        {
            return [unknown];
        }

        if (userId == actorId && !roles.Contains(Roles.Admin, StringComparer.OrdinalIgnoreCase))
        {
            return ["You can't take the Admin role from your own account; another admin can."];
        }

        return await InTransactionAsync(async () =>
        {
            var errors = await users.SetRolesAsync(userId, roles);
            if (errors.Count == 0 && await userManager.FindByIdAsync(userId) is { } user)
            {
                // Sessions carry their roles; ending them makes the user sign in again with the new ones.
                errors = await users.EndSessionsAsync(user);
            }

            return errors;
        }, ct);
    }

    public Task<IReadOnlyList<string>> DisableAsync(string actorId, string userId, CancellationToken ct) =>
        InTransactionAsync(() => users.DisableAsync(userId, actorId), ct);

    public Task<IReadOnlyList<string>> EnableAsync(string userId, CancellationToken ct) =>
        InTransactionAsync(() => users.EnableAsync(userId), ct);

    /// <summary>The message for roles that don't exist, or null when all do.</summary>
    public static string? UnknownRoles(IEnumerable<string> roles)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        return unknown.Count == 0
            ? null
            : $"Unknown role {string.Join(", ", unknown)}; choose from {string.Join(", ", Roles.All)}.";
    }

    private Task<IReadOnlyList<string>> InTransactionAsync(Func<Task<IReadOnlyList<string>>> change, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var errors = await change();
            if (errors.Count == 0)
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.RollbackAsync(ct);
                // What Identity saved inside the transaction is gone from the store; forget it here too.
                db.ChangeTracker.Clear();
            }

            return errors;
        });
}
