using BlogSite.Domain;
using BlogSite.Media;
using Microsoft.Extensions.Options;

namespace BlogSite.Import;

/// <summary>What one import did: the articles' report, and the images stored (or found here already) with the notes on those left out.</summary>
public sealed record ImportOutcome(ImportReport Report, bool ReadImages, int ImagesStored, int ImagesAlreadyHere, IReadOnlyList<ImportSkip> ImageSkips)
{
    public IEnumerable<ImportSkip> Skipped => Report.Skipped.Concat(ImageSkips);

    public override string ToString() =>
        Report + (ReadImages ? $", {Plural.Count(ImagesStored, "image", "images")} stored" : "")
        + (ImagesAlreadyHere > 0 ? $", {ImagesAlreadyHere} already here" : "");
}

/// <summary>
/// One import from start to end, for `import …` and the admin import page alike: the export is read and checked
/// whole (an <see cref="ImportFormatException"/> names the place at fault, and nothing is stored), its images stored,
/// then its articles written by <see cref="SiteImporter"/>. Image files are named by their bytes, so images stored
/// before a later failure are harmless and found again by the next run.
/// </summary>
public sealed class ImportJob(SiteImporter importer, ImportMedia media, ImageStore images, IOptions<MediaOptions> mediaOptions)
{
    public const string WordPress = "wordpress";
    public const string Ghost = "ghost";
    public const string Folder = "folder";
    public const string BlogSite = "blogsite";

    public static readonly IReadOnlyList<string> Kinds = [WordPress, Ghost, Folder, BlogSite];

    /// <summary>How a kind's export is named to the person importing it.</summary>
    public static string Describe(string kind) => kind switch
    {
        WordPress => "WordPress export",
        Ghost => "Ghost export",
        Folder => "Jekyll or Hugo site",
        BlogSite => "BlogSite export",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of import"),
    };

    /// <param name="kind">One of <see cref="Kinds"/>.</param>
    /// <param name="path">The export's file, or the site's folder for <see cref="Folder"/>.</param>
    /// <param name="mediaFolder">WordPress's uploads or Ghost's images copied to this machine, or null; a site's folder and an archive hold their own.</param>
    /// <param name="ct">Stops between articles; those written stay, and the next run skips them.</param>
    public async Task<ImportOutcome> RunAsync(string kind, string path, string? mediaFolder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (kind == BlogSite)
        {
            return await RunArchiveAsync(path, ct);
        }

        var site = kind switch
        {
            Folder => await StaticSiteFolder.ReadAsync(path, ct),
            WordPress or Ghost => await ReadFileAsync(kind, path, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of import"),
        };
        var folder = kind switch
        {
            Folder => MediaFolder.StaticSite(path),
            WordPress when mediaFolder is not null => MediaFolder.WordPressUploads(mediaFolder),
            Ghost when mediaFolder is not null => MediaFolder.GhostImages(mediaFolder),
            _ => null,
        };
        var stored = 0;
        if (folder is not null)
        {
            (site, stored) = await media.StoreAsync(kind, site, folder, ct);
        }

        return new ImportOutcome(await importer.ImportAsync(kind, site, ct), folder is not null, stored, 0, []);
    }

    private static async Task<ImportedSite> ReadFileAsync(string kind, string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return kind == WordPress ? await WordPressExport.ReadAsync(stream, ct) : await GhostExport.ReadAsync(stream, ct);
    }

    private async Task<ImportOutcome> RunArchiveAsync(string path, CancellationToken ct)
    {
        ImportedSite site;
        MediaCopyReport copied;
        await using (var stream = File.OpenRead(path))
        {
            using var archive = await BlogSiteArchive.OpenAsync(stream, ct);
            site = await archive.ReadSiteAsync(ct);
            copied = await archive.CopyMediaAsync(images.Folder, mediaOptions.Value.MaxImageBytes, ct);
        }

        var report = await importer.ImportAsync(BlogSite, site, ct);
        return new ImportOutcome(report, true, copied.Copied, copied.AlreadyHere, copied.Skipped);
    }
}
