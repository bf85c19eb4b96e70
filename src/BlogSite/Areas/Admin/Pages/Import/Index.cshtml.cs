using System.IO.Compression;
using BlogSite.Accounts;
using BlogSite.Data;
using BlogSite.Export;
using BlogSite.Import;
using BlogSite.Media;
using BlogSite.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Areas.Admin.Pages.Import;

/// <summary>
/// An Admin imports another blog's export from the browser, as `import …` does on the command line (one
/// <see cref="ImportJob"/>): a WordPress .xml, a Ghost .json, a Jekyll or Hugo site zipped, or a BlogSite export.
/// The upload is kept in a temporary file for the import and deleted after; a file the reader refuses is a 422 with
/// the place at fault and nothing stored. One import runs at a time. WordPress's and Ghost's images stay at their
/// old addresses from here (the command line's --media stores them).
/// </summary>
[Authorize(Policy = AccountServiceCollectionExtensions.AdministerPolicy)]
// The framework's own multipart limit (128 MB) would refuse a large export before the page sees it; the page's
// body limit, Import:MaxUploadBytes, is applied before the body is read (see AddBlogImport).
[RequestFormLimits(MultipartBodyLengthLimit = ImportOptions.MaxUploadCeiling + MediaServiceCollectionExtensions.FormOverheadBytes)]
public sealed class IndexModel(ImportJob job, ImportGate gate, IOptions<ImportOptions> options) : PageModel, IShowsFormAgain
{
    /// <summary>Lines of the report shown on the page; the rest are counted.</summary>
    public const int MaxReportLines = 500;

    public const string Detect = "detect";

    [BindProperty]
    public string Kind { get; set; } = Detect;

    public string MaxUploadSize => ImageStore.Size(options.Value.MaxUploadBytes);

    public string? Error { get; private set; }

    public string? Imported { get; private set; }

    public ImportOutcome? Outcome { get; private set; }

    public IReadOnlyList<ImportSkip> ReportLines { get; private set; } = [];

    public int MoreLines { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "Choose the export file to import.");
        }

        var name = Path.GetFileName(file.FileName);
        if (file.Length > options.Value.MaxUploadBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge,
                $"{name} is {ImageStore.Size(file.Length)}; the import page takes files up to {MaxUploadSize}. Import it with the import command on the command line.");
        }

        if (Kind != Detect && !ImportJob.Kinds.Contains(Kind))
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, "Choose what the file is from the list.");
        }

        using var turn = gate.TryEnter();
        if (turn is null)
        {
            return Refuse(StatusCodes.Status409Conflict, "Another import is running. Try again when it has finished; nothing was imported.");
        }

        var work = Path.Combine(Path.GetTempPath(), $"blogsite-import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var upload = Path.Combine(work, "upload");
            await using (var saved = new FileStream(upload, FileMode.CreateNew, FileAccess.Write, FileShare.None, ZipEntries.BufferLength, useAsync: true))
            {
                await file.CopyToAsync(saved, ct);
            }

            var kind = Kind == Detect ? DetectKind(name, upload) : Kind;
            if (kind is null)
            {
                return Refuse(StatusCodes.Status422UnprocessableEntity,
                    $"{name} is not a file BlogSite can tell the kind of: upload a WordPress .xml, a Ghost .json, or a .zip of a Jekyll or Hugo site or of a BlogSite export, or choose what it is.");
            }

            // Set before the export is read, so that a refusal names the kind it was read as.
            Kind = kind;
            var path = upload;
            if (kind == ImportJob.Folder)
            {
                await using var zip = System.IO.File.OpenRead(upload);
                path = await StaticSiteZip.ExtractAsync(zip, Path.Combine(work, "site"), ct);
            }

            Outcome = await job.RunAsync(kind, path, mediaFolder: null, ct);
            Imported = name;
            var lines = Outcome.Skipped.ToList();
            ReportLines = lines.Take(MaxReportLines).ToList();
            MoreLines = lines.Count - ReportLines.Count;
            return Page();
        }
        catch (ImportFormatException ex)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity,
                $"{name} is not a {ImportJob.Describe(Kind)} BlogSite can read: {ex.Message}. No article was imported.");
        }
        catch (IOException ex) when (!StorageFull.Is(ex))
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, $"{name} could not be read: {ex.Message}. No article was imported.");
        }
        finally
        {
            DeleteQuietly(work);
        }
    }

    public IActionResult ShowFormAgain(int status, string message) => Refuse(status, message);

    // A file still open elsewhere (a virus scanner) must not turn a finished import into an error page; the
    // temporary folder is the system's to clear then.
    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The kind by the file's extension; a zip is a BlogSite export when it has the export's manifest, else a site.</summary>
    private static string? DetectKind(string name, string upload)
    {
        switch (Path.GetExtension(name).ToLowerInvariant())
        {
            case ".xml":
                return ImportJob.WordPress;
            case ".json":
                return ImportJob.Ghost;
            case ".zip":
                try
                {
                    using var zip = ZipFile.OpenRead(upload);
                    return zip.GetEntry(ArchiveFormat.ManifestEntry) is null ? ImportJob.Folder : ImportJob.BlogSite;
                }
                catch (InvalidDataException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}
