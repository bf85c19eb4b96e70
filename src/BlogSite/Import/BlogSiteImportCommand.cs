using BlogSite.Accounts;
using BlogSite.Domain;
using BlogSite.Media;
using Microsoft.Extensions.Options;

namespace BlogSite.Import;

/// <summary>
/// `import blogsite FILE.zip`, for <see cref="ImportCli"/>: the archive is read and checked whole, its images copied
/// (harmless if what follows fails: each is named by its own bytes), then the articles stored by <see cref="SiteImporter"/>.
/// </summary>
public static class BlogSiteImportCommand
{
    public const string Kind = "blogsite";

    public static async Task<int> RunAsync(string file, IServiceProvider services, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        ImportedSite site;
        MediaCopyReport media;
        try
        {
            await using var stream = File.OpenRead(file);
            using var archive = await BlogSiteArchive.OpenAsync(stream, CancellationToken.None);
            site = await archive.ReadSiteAsync(CancellationToken.None);
            media = await archive.CopyMediaAsync(services.GetRequiredService<ImageStore>().Folder,
                services.GetRequiredService<IOptions<MediaOptions>>().Value.MaxImageBytes, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Could not read {file}: {ex.Message}");
            return ImportCli.Refused;
        }
        catch (ImportFormatException ex)
        {
            await console.Error.WriteLineAsync($"{file} is not a BlogSite export BlogSite can read: {ex.Message}. No article was imported.");
            return ImportCli.Refused;
        }

        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<SiteImporter>().ImportAsync(Kind, site, CancellationToken.None);
        await console.Out.WriteLineAsync($"Imported {file}: {report}; {Plural.Count(media.Copied, "image", "images")} copied, {media.AlreadyHere} already here.");
        foreach (var skip in report.Skipped.Concat(media.Skipped))
        {
            await console.Out.WriteLineAsync($"  {skip.Where}: {skip.Why}");
        }

        return ImportCli.Done;
    }
}
