using System.Text;
using BlogSite.Domain;

namespace BlogSite.Accounts;

/// <summary>
/// `users add --email a@b.c --role Admin [--role Author] [--name "Display Name"]`: creates a user from the
/// command line. The password comes from BLOGSITE_PASSWORD or standard input and is never echoed.
/// </summary>
public static class UsersCli
{
    public const string PasswordVariable = "BLOGSITE_PASSWORD";

    /// <summary>The exit code when <paramref name="args"/> is a users command; null to start the site instead.</summary>
    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services)
    {
        if (args.Length == 0 || args[0] != "users")
        {
            return null;
        }

        if (args.Length < 2 || args[1] != "add")
        {
            await Console.Error.WriteLineAsync("Usage: users add --email EMAIL --role ROLE [--role ROLE] [--name \"Display Name\"]");
            return 2;
        }

        string? email = null, name = null;
        var roles = new List<string>();
        for (var i = 2; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--email": email = args[i + 1]; break;
                case "--name": name = args[i + 1]; break;
                case "--role": roles.Add(args[i + 1]); break;
                default:
                    await Console.Error.WriteLineAsync($"Unknown option {args[i]}");
                    return 2;
            }
        }

        if (string.IsNullOrWhiteSpace(email) || roles.Count == 0)
        {
            await Console.Error.WriteLineAsync($"--email and at least one --role ({string.Join(", ", Roles.All)}) are required.");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"No password: set {PasswordVariable} or type it on standard input.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var errors = await scope.ServiceProvider.GetRequiredService<UserCommands>().AddAsync(email, name ?? "", password, roles);
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync(error);
        }

        if (errors.Count == 0)
        {
            Console.WriteLine($"Added {email} with role {string.Join(", ", roles)}.");
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static string ReadPassword()
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
