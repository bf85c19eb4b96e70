using BlogSite.Accounts;
using BlogSite.Domain;

namespace BlogSite.Export;

/// <summary>
/// `export --to FILE.zip [--include-emails]`: the whole site as one archive that `import blogsite FILE.zip` reads
/// into another BlogSite. Program.cs runs it once the store is migrated; the site may be running beside it. Exit
/// codes: 0 done (what was written on standard output); 1 the file could not be written, nothing left behind
/// (the reason on standard error); 2 not understood (the usage).
/// </summary>
public static class ExportCli
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Misuse = 2;

    public const string IncludeEmails = "--include-emails";

    public const string Usage = """
        Usage: export --to FILE.zip [--include-emails]
               Without --include-emails the archive holds no e-mail address: not the commenters', not the staff's.
        """;

    public static Task<int?> TryRunAsync(string[] args, IServiceProvider services) => TryRunAsync(args, services, CliConsole.Terminal);

    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length == 0 || args[0] != "export")
        {
            return null;
        }

        var (file, includeEmails) = args switch
        {
            [_, "--to", var to] => (to, false),
            [_, "--to", var to, IncludeEmails] => (to, true),
            [_, IncludeEmails, "--to", var to] => (to, true),
            _ => (null, false),
        };
        if (string.IsNullOrWhiteSpace(file) || file.StartsWith("--", StringComparison.Ordinal))
        {
            await console.Error.WriteLineAsync(Usage);
            return Misuse;
        }

        ArchiveCounts counts;
        try
        {
            await using var scope = services.CreateAsyncScope();
            counts = await scope.ServiceProvider.GetRequiredService<SiteExporter>().ExportAsync(file, includeEmails, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Could not write {file}: {ex.Message} Nothing was written.");
            return Refused;
        }

        await console.Out.WriteLineAsync(
            $"Exported to {file}: {Plural.Count(counts.Articles, "article", "articles")}, {Plural.Count(counts.Comments, "comment", "comments")}, "
            + $"{Plural.Count(counts.Users, "user", "users")}, {Plural.Count(counts.Media, "image", "images")}"
            + (includeEmails ? ", with e-mail addresses." : ", without e-mail addresses."));
        if (counts.LeftInBin > 0)
        {
            await console.Out.WriteLineAsync($"  {Plural.Count(counts.LeftInBin, "article", "articles")} in the bin left out; restore one first to export it.");
        }

        return Done;
    }
}
