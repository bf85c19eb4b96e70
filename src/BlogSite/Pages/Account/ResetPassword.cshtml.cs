using System.ComponentModel.DataAnnotations;
using BlogSite.Accounts;
using BlogSite.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Account;

/// <summary>/account/reset-password?token=…: the page a reset message links to, where the new password is chosen.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ResetPasswordModel(PasswordReset reset, EmailLinkLimiter limiter, IOptions<EmailOptions> email) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public ResetLinkState State { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        if (!limiter.TryEnter(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        State = await reset.CheckAsync(Token);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        if (!limiter.TryEnter(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (!ModelState.IsValid)
        {
            State = await reset.CheckAsync(Token);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return State == ResetLinkState.Valid ? Page() : Answer();
        }

        (State, var errors) = await reset.ResetAsync(Token, Input.NewPassword);
        if (State != ResetLinkState.Valid)
        {
            return Answer();
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("Input.NewPassword", error);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return RedirectToPage("/Account/Login", new { reset = true });
    }

    private PageResult Answer()
    {
        Response.StatusCode = State switch
        {
            ResetLinkState.Invalid => StatusCodes.Status400BadRequest,
            ResetLinkState.Expired or ResetLinkState.Used => StatusCodes.Status410Gone,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }

    public sealed class ResetInput
    {
        [Required, DataType(DataType.Password), StringLength(200, MinimumLength = 12), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required, DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ."), Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }
}
