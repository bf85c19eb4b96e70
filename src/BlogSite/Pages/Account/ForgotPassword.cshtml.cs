using System.ComponentModel.DataAnnotations;
using System.Globalization;
using BlogSite.Accounts;
using BlogSite.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Account;

/// <summary>/account/forgot-password: asks for the address and gives every address the same answer (see <see cref="PasswordReset"/>).</summary>
public sealed class ForgotPasswordModel(PasswordResetRequests requests, SignInLimiter limiter, EmailLinks links, IOptions<EmailOptions> email) : PageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Asked { get; private set; }

    public int Minutes => email.Value.PasswordResetMinutes;

    public IActionResult OnGet() => email.Value.IsEnabled ? Page() : NotFound();

    public IActionResult OnPost()
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        // The sign-in page's allowance per address: asking for resets spends it as trying passwords does.
        if (limiter.WaitFor(HttpContext) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            ModelState.Clear();
            ModelState.AddModelError(string.Empty,
                $"Too many sign-ins and resets have been tried from your network. Please wait {(seconds < 90 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes")}, then try again.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        requests.Ask(Input.Email.Trim(), links.Origin());
        Asked = true;
        return Page();
    }

    public sealed class ForgotInput
    {
        [Required, EmailAddress, StringLength(254)]
        public string Email { get; set; } = "";
    }
}
