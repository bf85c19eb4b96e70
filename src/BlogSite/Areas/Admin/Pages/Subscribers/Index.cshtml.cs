using System.Text;
using BlogSite.Accounts;
using BlogSite.Subscriptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Subscribers;

/// <summary>
/// /admin/subscribers, for Admins: how many readers asked for mail and what, a page of their addresses, the whole list
/// as CSV, and removing an address with everything it asked for. The addresses are shown here and nowhere else.
/// </summary>
[Authorize(Policy = AccountServiceCollectionExtensions.AdministerPolicy)]
public sealed class IndexModel(SubscriberQueries queries, SubscriptionRemoval removal, TimeProvider clock) : PageModel
{
    public SubscriberPage Subscribers { get; private set; } = default!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || await queries.PageAsync(pageNumber, ct) is not { } page)
        {
            return NotFound();
        }

        Subscribers = page;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        StatusMessage = await removal.RemoveAddressAsync(id, ct)
            ? "Removed the address and everything it had asked for."
            : "That address was already gone.";
        return RedirectToPage();
    }

    /// <summary>
    /// The list as CSV, written to a temporary file first and sent from there (deleted when sent), so a failed export
    /// answers an error page, never a download that ends half-way.
    /// </summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"blogsite-subscribers-{Guid.NewGuid():N}.csv");
        await using (var writer = new StreamWriter(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            await queries.WriteCsvAsync(writer, ct);
        }

        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81_920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        return File(stream, "text/csv; charset=utf-8", $"subscribers-{clock.GetUtcNow().UtcDateTime:yyyyMMdd}.csv");
    }
}
