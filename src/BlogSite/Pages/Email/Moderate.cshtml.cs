using BlogSite.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Email;

/// <summary>
/// GET /email/moderate?token=… is the confirmation page of a link in a moderator's message: it shows the comment and
/// one button, and changes nothing, so a mail scanner following the link moderates nothing. The button's POST,
/// with the page's antiforgery token, does it.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ModerateModel(EmailModeration moderation, EmailLinkLimiter limiter) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public ModerationLinkView Link { get; private set; } = new(LinkState.Invalid);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!limiter.TryEnter(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        Link = await moderation.CheckAsync(Token, ct);
        Response.StatusCode = Link.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!limiter.TryEnter(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        Link = await moderation.ApplyAsync(Token, ct);
        Response.StatusCode = Link.Status;
        return Page();
    }
}
