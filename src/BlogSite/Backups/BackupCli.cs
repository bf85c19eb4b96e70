using BlogSite.Accounts;
using BlogSite.Data;
using Microsoft.Extensions.Options;

namespace BlogSite.Backups;

/// <summary>
/// `backup [--to DIR]` and `restore --from ARCHIVE`. Program.cs runs them before the store is migrated or opened: a
/// backup takes the store as it is, and a restore must not touch the store it is about to replace.
/// Exit codes: 0 done; 1 refused or failed, nothing changed (the reason on standard error); 2 not understood (the usage);
/// 3 the store is in use (a site runs on it, or another backup or restore); 4 a restore failed part-way (what was put back is said).
/// </summary>
public static class BackupCli
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Misuse = 2;
    public const int InUse = 3;
    public const int FailedPartWay = 4;

    public const string Usage = """
        Usage: backup [--to DIR]
               restore --from ARCHIVE
        """;

    /// <summary>The exit code when <paramref name="args"/> is a backup or restore command; null to go on.</summary>
    public static Task<int?> TryRunAsync(string[] args, IServiceProvider services) => TryRunAsync(args, services, CliConsole.Terminal);

    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length == 0 || args[0] is not ("backup" or "restore"))
        {
            return null;
        }

        if (!services.GetRequiredService<BlogStore>().IsSqlite)
        {
            return await WriteAsync(console.Error, PostgresBackups.Message, Refused);
        }

        var option = args.Length switch
        {
            1 => (Name: "", Value: ""),
            3 when args[1].StartsWith("--", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(args[2]) => (Name: args[1], Value: args[2]),
            _ => (Name: "?", Value: ""),
        };
        try
        {
            return (args[0], option.Name) switch
            {
                ("backup", "") => await BackupAsync(services, null, console),
                ("backup", "--to") => await BackupAsync(services, option.Value, console),
                ("restore", "--from") => await RestoreAsync(services, option.Value, console),
                _ => await WriteAsync(console.Error, Usage, Misuse),
            };
        }
        catch (OptionsValidationException ex)
        {
            return await WriteAsync(console.Error, "The configuration is not valid: " + ex.Message, Misuse);
        }
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string? folder, CliConsole console)
    {
        var result = await services.GetRequiredService<BackupService>().CreateAsync(folder, CancellationToken.None);
        return result.Outcome switch
        {
            BackupOutcome.Done => await WriteAsync(console.Out, result.Message, Done),
            BackupOutcome.Busy => await WriteAsync(console.Error, result.Message, InUse),
            _ => await WriteAsync(console.Error, result.Message, Refused),
        };
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string archive, CliConsole console)
    {
        var result = await services.GetRequiredService<RestoreCommand>().RunAsync(archive, CancellationToken.None);
        return result.Outcome switch
        {
            RestoreOutcome.Restored => await WriteAsync(console.Out, result.Message, Done),
            RestoreOutcome.InUse => await WriteAsync(console.Error, result.Message, InUse),
            RestoreOutcome.Failed => await WriteAsync(console.Error, result.Message, FailedPartWay),
            _ => await WriteAsync(console.Error, result.Message, Refused),
        };
    }

    private static async Task<int> WriteAsync(TextWriter writer, string message, int code)
    {
        await writer.WriteLineAsync(message);
        return code;
    }
}
