using System.ComponentModel.DataAnnotations;
using BlogSite.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Account.Manage;

public sealed class PasswordModel(UserManager<BlogUser> users, SignInManager<BlogUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet(bool changed = false) => Changed = changed;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { changed = true });
    }

    public sealed class PasswordInput
    {
        [Required, DataType(DataType.Password), Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(200, MinimumLength = 12), Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required, DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ."), Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }
}
