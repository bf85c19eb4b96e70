using System.Text;
using BlogSite.Domain;

namespace BlogSite.Accounts;

/// <summary>Where a users command writes, and how it reads a password: the terminal, or a test's stand-ins.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<string> ReadPassword)
{
    public static CliConsole Terminal { get; } = new(Console.Out, Console.Error,
        () => Environment.GetEnvironmentVariable(UsersCli.PasswordVariable) ?? UsersCli.ReadPasswordFromTerminal());
}

/// <summary>
/// `users add|list|reset-password|unlock|disable|enable`: staff accounts from the command line, for the first admin
/// and for when no admin can sign in. A password comes from BLOGSITE_PASSWORD or standard input and is never echoed.
/// Exit codes: 0 done, 1 refused (the reasons on standard error), 2 not understood (the usage).
/// </summary>
public static class UsersCli
{
    public const string PasswordVariable = "BLOGSITE_PASSWORD";

    public const string Usage = """
        Usage: users add --email EMAIL --role ROLE [--role ROLE] [--name "Display Name"]
               users list
               users reset-password --email EMAIL
               users unlock --email EMAIL
               users disable --email EMAIL
               users enable --email EMAIL
        """;

    /// <summary>The exit code when <paramref name="args"/> is a users command; null to start the site instead.</summary>
    public static Task<int?> TryRunAsync(string[] args, IServiceProvider services) => TryRunAsync(args, services, CliConsole.Terminal);

    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length == 0 || args[0] != "users")
        {
            return null;
        }

        if (args.Length < 2 || ParseOptions(args[2..]) is not { } options)
        {
            await console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();
        return args[1] switch
        {
            "add" => await AddAsync(commands, options, console),
            "list" when options.Count == 0 => await ListAsync(commands, console),
            "reset-password" => await ResetPasswordAsync(commands, options, console),
            "unlock" => await OnUserAsync(commands, options, console, commands.UnlockAsync, "Unlocked {0}."),
            "disable" => await OnUserAsync(commands, options, console, id => commands.DisableAsync(id, actorId: null),
                "Disabled {0}; their sessions end within a minute."),
            "enable" => await OnUserAsync(commands, options, console, commands.EnableAsync, "Enabled {0}."),
            _ => await UsageAsync(console),
        };
    }

    private static async Task<int> AddAsync(UserCommands commands, Dictionary<string, List<string>> options, CliConsole console)
    {
        if (!Only(options, "--email", "--name", "--role") || Single(options, "--email") is not { } email
            || !options.TryGetValue("--role", out var roles))
        {
            await console.Error.WriteLineAsync($"--email and at least one --role ({string.Join(", ", Roles.All)}) are required.");
            return 2;
        }

        var password = ReadPassword(console);
        if (password.Length == 0)
        {
            await console.Error.WriteLineAsync($"No password: set {PasswordVariable} or type it on standard input.");
            return 2;
        }

        var errors = await commands.AddAsync(email, Single(options, "--name") ?? "", password, roles);
        return await ReportAsync(console, errors, $"Added {email} with role {string.Join(", ", roles)}.");
    }

    private static async Task<int> ListAsync(UserCommands commands, CliConsole console)
    {
        var users = await commands.ListAsync(CancellationToken.None);
        var rows = users.Select(u => (u.Email, u.DisplayName, Roles: u.Roles.Count == 0 ? "-" : string.Join(",", u.Roles),
            State: u.Disabled ? "disabled" : u.LockedOut ? "locked" : "active")).ToList();
        var emailWidth = rows.Select(r => r.Email.Length).Append("EMAIL".Length).Max();
        var nameWidth = rows.Select(r => r.DisplayName.Length).Append("NAME".Length).Max();
        var rolesWidth = rows.Select(r => r.Roles.Length).Append("ROLES".Length).Max();
        await console.Out.WriteLineAsync($"{"EMAIL".PadRight(emailWidth)}  {"NAME".PadRight(nameWidth)}  {"ROLES".PadRight(rolesWidth)}  STATE");
        foreach (var row in rows)
        {
            await console.Out.WriteLineAsync($"{row.Email.PadRight(emailWidth)}  {row.DisplayName.PadRight(nameWidth)}  {row.Roles.PadRight(rolesWidth)}  {row.State}");
        }

        return 0;
    }

    private static async Task<int> ResetPasswordAsync(UserCommands commands, Dictionary<string, List<string>> options, CliConsole console)
    {
        var password = ReadPassword(console);
        if (password.Length == 0)
        {
            await console.Error.WriteLineAsync($"No password: set {PasswordVariable} or type it on standard input.");
            return 2;
        }

        return await OnUserAsync(commands, options, console, id => commands.ResetPasswordAsync(id, password),
            "Password reset for {0}; their sessions end within a minute.");
    }

    /// <summary>A command on the one user named by --email.</summary>
    private static async Task<int> OnUserAsync(UserCommands commands, Dictionary<string, List<string>> options, CliConsole console,
        Func<string, Task<IReadOnlyList<string>>> change, string done)
    {
        if (!Only(options, "--email") || Single(options, "--email") is not { } email)
        {
            await console.Error.WriteLineAsync("--email EMAIL is required, and nothing else.");
            return 2;
        }

        if (await commands.IdOfAsync(email) is not { } id)
        {
            await console.Error.WriteLineAsync($"No user has the email {email}.");
            return 1;
        }

        return await ReportAsync(console, await change(id), string.Format(System.Globalization.CultureInfo.InvariantCulture, done, email));
    }

    private static async Task<int> ReportAsync(CliConsole console, IReadOnlyList<string> errors, string done)
    {
        foreach (var error in errors)
        {
            await console.Error.WriteLineAsync(error);
        }

        if (errors.Count == 0)
        {
            await console.Out.WriteLineAsync(done);
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static async Task<int> UsageAsync(CliConsole console)
    {
        await console.Error.WriteLineAsync(Usage);
        return 2;
    }

    /// <summary>`--name value` pairs; null when an option has no value or is not an option.</summary>
    private static Dictionary<string, List<string>>? ParseOptions(string[] args)
    {
        if (args.Length % 2 != 0)
        {
            return null;
        }

        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            if (!options.TryGetValue(args[i], out var values))
            {
                options[args[i]] = values = [];
            }

            values.Add(args[i + 1]);
        }

        return options;
    }

    private static bool Only(Dictionary<string, List<string>> options, params string[] known) => options.Keys.All(known.Contains);

    private static string? Single(Dictionary<string, List<string>> options, string name) =>
        options.TryGetValue(name, out var values) && values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;

    private static string ReadPassword(CliConsole console) => console.ReadPassword() ?? "";

    internal static string ReadPasswordFromTerminal()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? "";
        }

        Console.Error.Write("Password: ");
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
