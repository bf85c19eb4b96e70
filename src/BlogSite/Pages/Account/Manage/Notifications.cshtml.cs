using System.Security.Claims;
using BlogSite.Accounts;
using BlogSite.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Account.Manage;

/// <summary>/account/notifications: which e-mails a staff member gets. Not there at all while e-mail is off.</summary>
public sealed class NotificationsModel(NotificationSettings settings, IOptions<EmailOptions> email) : PageModel
{
    [BindProperty]
    public bool Comments { get; set; }

    [BindProperty]
    public bool Moderation { get; set; }

    public NotificationChoices Choices { get; private set; } = new(false, false, false, false);

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (!email.Value.IsEnabled || await settings.GetAsync(UserId, ct) is not { } choices)
        {
            return NotFound();
        }

        (Choices, Comments, Moderation, Saved) = (choices, choices.Comments, choices.Moderation, saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!email.Value.IsEnabled || !await settings.SetAsync(UserId, Comments, Moderation, ct))
        {
            return NotFound();
        }

        return RedirectToPage(new { saved = true });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
