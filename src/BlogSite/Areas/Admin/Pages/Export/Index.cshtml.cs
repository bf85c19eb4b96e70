using BlogSite.Accounts;
using BlogSite.Export;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Export;

/// <summary>
/// An Admin downloads the whole site as one archive, the one `export --to` writes. The zip is written to a
/// temporary file first and sent from there (deleted when sent), so a failed export answers an error page,
/// never a download that ends half-way.
/// </summary>
[Authorize(Policy = AccountServiceCollectionExtensions.AdministerPolicy)]
public sealed class IndexModel(SiteExporter exporter, TimeProvider clock) : PageModel
{
    [BindProperty]
    public bool IncludeEmails { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"blogsite-export-{Guid.NewGuid():N}.zip");
        await exporter.ExportAsync(file, IncludeEmails, ct);
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81_920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return File(stream, "application/zip", $"blogsite-export-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}.zip");
    }
}
