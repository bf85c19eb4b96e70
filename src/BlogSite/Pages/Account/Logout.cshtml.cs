using BlogSite.Accounts;
using BlogSite.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Account;

/// <summary>Signing out here signs the user out everywhere: a cookie copied from this browser, or left on another, stops working too.</summary>
public sealed class LogoutModel(SignInManager<BlogUser> signIn, UserManager<BlogUser> users, UserCommands commands) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await commands.EndSessionsAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
