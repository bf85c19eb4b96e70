using BlogSite.Accounts;

namespace BlogSite.Import;

/// <summary>
/// `import wordpress FILE.xml`, `import ghost FILE.json` and `import folder DIR` (a Jekyll or Hugo site): another blog's export into this store, through the same
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
        Usage: import wordpress FILE.xml
               import ghost FILE.json
               import folder DIR        (a Jekyll or Hugo site's folder)
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

        if (args.Length != 3 || args[1] is not ("wordpress" or "ghost" or "folder"))
        {
            await console.Error.WriteLineAsync(Usage);
            return Misuse;
        }

        var (kind, file) = (args[1], args[2]);
        ImportedSite site;
        try
        {
            if (kind == "folder")
            {
                site = await StaticSiteFolder.ReadAsync(file, CancellationToken.None);
            }
            else
            {
                await using var stream = File.OpenRead(file);
                site = kind == "wordpress"
                    ? await WordPressExport.ReadAsync(stream, CancellationToken.None)
                    : await GhostExport.ReadAsync(stream, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Could not read {file}: {ex.Message}");
            return Refused;
        }
        catch (ImportFormatException ex)
        {
            await console.Error.WriteLineAsync($"{file} is not a {kind} export BlogSite can read: {ex.Message}. Nothing was imported.");
            return Refused;
        }

        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<SiteImporter>().ImportAsync(kind, site, CancellationToken.None);
        await console.Out.WriteLineAsync($"Imported {file}: {report}.");
        foreach (var skip in report.Skipped)
        {
            await console.Out.WriteLineAsync($"  {skip.Where}: {skip.Why}");
        }

        return Done;
    }
}
