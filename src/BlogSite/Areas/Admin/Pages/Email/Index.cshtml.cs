using System.Globalization;
using System.Security.Claims;
using BlogSite.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Areas.Admin.Pages.Email;

/// <summary>/admin/email: the outbox's counts and messages, newest first, with retry for the failed; Admins only, and not there while e-mail is off.</summary>
public sealed class IndexModel(EmailAdmin outbox, IOptions<EmailOptions> email) : PageModel
{
    public OutboxPage Outbox { get; private set; } = default!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? status, [FromQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        // An unknown status in the address lists them all rather than refusing the page.
        OutboxStatus? only = Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        Outbox = await outbox.PageAsync(only, pageNumber, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        StatusMessage = await outbox.RetryAsync(id, ct)
            ? $"Message {id.ToString(CultureInfo.InvariantCulture)} is queued again."
            : $"Message {id.ToString(CultureInfo.InvariantCulture)} is not failed any more, so there was nothing to retry.";
        return RedirectToPage(new { status = "failed" });
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        var address = await outbox.SendTestAsync(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct);
        StatusMessage = address is null
            ? "Your account has no e-mail address to send a test to."
            : $"A test message to {address} is queued; it is listed below once the worker has tried it.";
        return RedirectToPage();
    }
}
