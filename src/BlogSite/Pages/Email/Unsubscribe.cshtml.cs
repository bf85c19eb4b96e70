using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Email;

/// <summary>
/// GET /email/unsubscribe?token=… asks, with one button, and changes nothing, so a mail scanner that follows the
/// link unsubscribes no one. POST does it: from that button, or from a mail provider's one-click unsubscribe
/// (RFC 8058: "List-Unsubscribe=One-Click", no cookie, no form token). The signed token is the proof, so this page
/// alone takes a POST without an antiforgery token; at worst a forged POST unsubscribes someone whose link the
/// forger already has.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class UnsubscribeModel(Unsubscribes unsubscribes, BlogSite.Email.EmailLinkLimiter limiter) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public UnsubscribeAnswer Answer { get; private set; } = new(UnsubscribeState.Invalid);

    public IActionResult OnGet()
    {
        if (!limiter.TryEnter(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        Answer = unsubscribes.Check(Token);
        return Answered();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!limiter.TryEnter(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        Answer = await unsubscribes.UnsubscribeAsync(Token, ct);
        return Answered();
    }

    private PageResult Answered()
    {
        if (Answer.State == UnsubscribeState.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
