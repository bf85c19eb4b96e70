using BlogSite.Accounts;
using BlogSite.Domain;

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

        if (args is [_, BlogSiteImportCommand.Kind, var archive])
        {
            return await BlogSiteImportCommand.RunAsync(archive, services, console);
        }

        var media = args is [_, "wordpress" or "ghost", _, "--media", { Length: > 0 } folder] ? folder : null;
        if ((args.Length != 3 && media is null) || args[1] is not ("wordpress" or "ghost" or "folder"))
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
        var images = kind switch
        {
            "folder" => MediaFolder.StaticSite(file),
            "wordpress" when media is not null => MediaFolder.WordPressUploads(media),
            "ghost" when media is not null => MediaFolder.GhostImages(media),
            _ => null,
        };
        var stored = 0;
        if (images is not null)
        {
            (site, stored) = await scope.ServiceProvider.GetRequiredService<ImportMedia>().StoreAsync(kind, site, images, CancellationToken.None);
        }

        var report = await scope.ServiceProvider.GetRequiredService<SiteImporter>().ImportAsync(kind, site, CancellationToken.None);
        await console.Out.WriteLineAsync($"Imported {file}: {report}{(images is null ? "" : $", {Plural.Count(stored, "image", "images")} stored")}.");
        foreach (var skip in report.Skipped)
        {
            await console.Out.WriteLineAsync($"  {skip.Where}: {skip.Why}");
        }

        return Done;
    }
}
