using BlogSite.Accounts;

namespace BlogSite.Import;

/// <summary>
/// `import wordpress FILE.xml`, `import ghost FILE.json`, `import folder DIR` (a Jekyll or Hugo site) and
/// `import blogsite FILE.zip`: another blog's export into this store by <see cref="ImportJob"/>, through the same
/// article writer as the editor. Program.cs runs it once the store is migrated; the site may be running beside it
/// (its cached pages expire on their own). Exit codes: 0 done (the report on standard output); 1 the file could not
/// be read or is not such an export, nothing stored (the place is named); 2 not understood (the usage).
/// </summary>
public static class ImportCli
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Misuse = 2;

    public const string Usage = """
        Usage: import wordpress FILE.xml [--media UPLOADS]   (UPLOADS: a copy of wp-content/uploads)
               import ghost FILE.json [--media IMAGES]      (IMAGES: a copy of content/images)
               import folder DIR                            (a Jekyll or Hugo site's folder, its images with it)
               import blogsite FILE.zip                     (another BlogSite's export)
        """;

    public static Task<int?> TryRunAsync(string[] args, IServiceProvider services) => TryRunAsync(args, services, CliConsole.Terminal);

    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length == 0 || args[0] != "import")
        {
            return null;
        }

        var media = args is [_, ImportJob.WordPress or ImportJob.Ghost, _, "--media", { Length: > 0 } folder] ? folder : null;
        if ((args.Length != 3 && media is null) || !ImportJob.Kinds.Contains(args[1]))
        {
            await console.Error.WriteLineAsync(Usage);
            return Misuse;
        }

        var (kind, file) = (args[1], args[2]);
        if (media is not null && !Directory.Exists(media))
        {
            await console.Error.WriteLineAsync($"Could not read {media}: it is not a folder. Nothing was imported.");
            return Refused;
        }

        await using var scope = services.CreateAsyncScope();
        ImportOutcome outcome;
        try
        {
            outcome = await scope.ServiceProvider.GetRequiredService<ImportJob>().RunAsync(kind, file, media, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Could not read {file}: {ex.Message}");
            return Refused;
        }
        catch (ImportFormatException ex)
        {
            await console.Error.WriteLineAsync($"{file} is not a {ImportJob.Describe(kind)} BlogSite can read: {ex.Message}. No article was imported.");
            return Refused;
        }

        await console.Out.WriteLineAsync($"Imported {file}: {outcome}.");
        foreach (var skip in outcome.Skipped)
        {
            await console.Out.WriteLineAsync($"  {skip.Where}: {skip.Why}");
        }

        return Done;
    }
}
