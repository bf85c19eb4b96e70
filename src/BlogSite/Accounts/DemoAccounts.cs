using BlogSite.Domain;

namespace BlogSite.Accounts;

/// <summary>One account per role so that a developer can explore the site. Development only, never in Production.</summary>
public static class DemoAccounts
{
    public const string Password = "BlogSite-demo-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> All =
    [
        ("admin@blogsite.test", "Demo Admin", Roles.Admin),
        ("author@blogsite.test", "Ada Brennan", Roles.Author),
        ("moderator@blogsite.test", "Demo Moderator", Roles.Moderator),
    ];

    public static async Task SeedAsync(IServiceProvider services, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();
        foreach (var (email, name, role) in All)
        {
            // Errors here mean the account is already there.
            await commands.AddAsync(email, name, Password, [role]);
        }
    }
}
