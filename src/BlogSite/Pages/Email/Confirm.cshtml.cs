using BlogSite.Email;
using BlogSite.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Email;

/// <summary>
/// /email/confirm?token=…, the link in a confirmation. GET only asks, with a button: mail scanners follow links, and an
/// address is confirmed by its owner, not by a scanner. The POST confirms. A link that no longer works is a 404 that
/// says why and what to do.
/// </summary>
public sealed class ConfirmModel(SubscriptionCommands subscriptions, IOptions<EmailOptions> email) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>What the address gets, once confirmed by the POST.</summary>
    public ConfirmedSubscriptions? Confirmed { get; private set; }

    /// <summary>True when the link works no more (or never did).</summary>
    public bool Gone { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        return await subscriptions.IsConfirmationAsync(Token, ct) ? Page() : ShowGone();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        Confirmed = await subscriptions.ConfirmAsync(Token, ct);
        return Confirmed is null ? ShowGone() : Page();
    }

    private PageResult ShowGone()
    {
        Gone = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
