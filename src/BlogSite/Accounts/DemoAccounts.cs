using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Accounts;

public sealed class DemoAccountOptions
{
    public const string SectionName = "DemoAccounts";

    /// <summary>Creates the demo accounts at start-up; set in appsettings.Development.json, never honoured in Production.</summary>
    public bool Enabled { get; init; }
}

/// <summary>
/// One account per role, with a published password, so that a developer can explore the site: only when
/// <see cref="DemoAccountOptions.Enabled"/> says so, never in Production, and never beside a real account.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "BlogSite-demo-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> All =
    [
        ("admin@blogsite.test", "Demo Admin", Roles.Admin),
        ("author@blogsite.test", "Ada Brennan", Roles.Author),
        ("moderator@blogsite.test", "Demo Moderator", Roles.Moderator),
    ];

    /// <summary>Adds the demo accounts where they are allowed, and disables them where not; one instance at a time.</summary>
    public static Task SeedAsync(IServiceProvider services, IHostEnvironment environment) =>
        services.GetRequiredService<SiteWork>().RunAloneAsync("the demo accounts", _ => SeedAloneAsync(services, environment));

    private static async Task SeedAloneAsync(IServiceProvider services, IHostEnvironment environment)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();
        var emails = All.Select(a => a.Email).ToList();
        var allowed = scope.ServiceProvider.GetRequiredService<IOptions<DemoAccountOptions>>().Value.Enabled
            && !environment.IsProduction()
            && !await db.Users.AnyAsync(u => !emails.Contains(u.Email!));
        if (!allowed)
        {
            // A store that has them anyway (a development database copied to a server, or a real account added
            // since) must not keep a published password working.
            foreach (var leftover in await db.Users.Where(u => emails.Contains(u.Email!) && u.DisabledAt == null).ToListAsync())
            {
                await commands.DisableUncheckedAsync(leftover);
            }

            return;
        }

        foreach (var (email, name, role) in All)
        {
            // Errors here mean the account is already there.
            await commands.AddAsync(email, name, Password, [role]);
        }
    }
}
