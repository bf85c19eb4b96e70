using System.ComponentModel.DataAnnotations;
using System.Globalization;
using BlogSite.Accounts;
using BlogSite.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Account;

public sealed class LoginModel(StaffSignIn signIn, SignInLimiter limiter, IOptions<IdentityOptions> identity, IOptions<EmailOptions> email) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Password reset by e-mail is offered only while the site sends e-mail.</summary>
    public bool CanReset => email.Value.IsEnabled;

    /// <summary>Back from setting a new password.</summary>
    public bool WasReset { get; private set; }

    public void OnGet(bool reset = false) => WasReset = reset;

    public async Task<IActionResult> OnPostAsync()
    {
        if (limiter.WaitFor(HttpContext) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            ModelState.Clear();
            ModelState.AddModelError(string.Empty,
                $"Too many sign-ins have been tried from your network. Please wait {WaitText(seconds)}, then try again.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (await signIn.SignInAsync(Input.Email, Input.Password, Input.RememberMe))
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Index", new { area = "Admin" })!);
        }

        var lockout = identity.Value.Lockout;
        // One message for an unknown address, a wrong password, a locked and a disabled account alike (see StaffSignIn).
        ModelState.AddModelError(string.Empty,
            "That email and password don't match an account that can sign in. "
            + $"After {lockout.MaxFailedAccessAttempts} wrong passwords in a row an account waits {lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minutes "
            + "before it can sign in again; an admin can unlock it or reset its password sooner.");
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static string WaitText(int seconds) => seconds < 90 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";

    public sealed class LoginInput
    {
        [Required, EmailAddress, StringLength(254)]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }
    }
}
