using System.ComponentModel.DataAnnotations;
using BlogSite.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Account;

public sealed class LoginModel(SignInManager<BlogUser> signIn) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Page("/Index", new { area = "Admin" })!);
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "This account is locked after too many failed sign-ins. Try again in 15 minutes."
            : "That email and password don't match an account.");
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

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
