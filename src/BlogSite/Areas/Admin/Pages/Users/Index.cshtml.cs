using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BlogSite.Accounts;
using BlogSite.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Users;

/// <summary>Staff accounts: who they are, their roles, whether they may sign in, and a form to add one.</summary>
public sealed class IndexModel(UserAdminCommands commands, SignInManager<BlogUser> signIn) : PageModel
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public NewUserInput NewUser { get; private set; } = new();

    /// <summary>A failed role change: whose, and why.</summary>
    public (string UserId, string Message)? RolesError { get; private set; }

    /// <summary>A refused disable or enable: whose, and why.</summary>
    public (string UserId, string Message)? SignInError { get; private set; }

    public string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Users = await commands.ListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync([Bind(Prefix = nameof(NewUser))] NewUserInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        NewUser = input;
        if (ModelState.IsValid)
        {
            var errors = await commands.AddAsync(input.Email, input.DisplayName, input.Password, input.Roles, ct);
            if (errors.Count == 0)
            {
                StatusMessage = $"Added {input.Email.Trim()}. They can sign in with the initial password now.";
                return RedirectToPage();
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Users = await commands.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string userId, string[]? roles, CancellationToken ct)
    {
        var errors = await commands.SetRolesAsync(ActorId, userId, roles ?? [], ct);
        if (errors.Count == 0)
        {
            if (userId == ActorId && await signIn.UserManager.GetUserAsync(User) is { } self)
            {
                // The change ended the admin's sessions; this one goes on with the new roles.
                await signIn.RefreshSignInAsync(self);
            }

            StatusMessage = "Roles saved.";
            return RedirectToPage();
        }

        RolesError = (userId, string.Join(" ", errors));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Users = await commands.ListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string userId, CancellationToken ct) =>
        SignInChangeAsync(userId, commands.DisableAsync(ActorId, userId, ct), "Disabled: they can't sign in, and their sessions end within a minute.", ct);

    public Task<IActionResult> OnPostEnableAsync(string userId, CancellationToken ct) =>
        SignInChangeAsync(userId, commands.EnableAsync(userId, ct), "Enabled: they can sign in again.", ct);

    private async Task<IActionResult> SignInChangeAsync(string userId, Task<IReadOnlyList<string>> change, string done, CancellationToken ct)
    {
        var errors = await change;
        if (errors.Count == 0)
        {
            StatusMessage = done;
            return RedirectToPage();
        }

        SignInError = (userId, string.Join(" ", errors));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Users = await commands.ListAsync(ct);
        return Page();
    }

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Enter the new user's email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.com.")]
        [StringLength(254, ErrorMessage = "An email address can be at most 254 characters.")]
        public string Email { get; set; } = "";

        [Display(Name = "Display name")]
        [StringLength(BlogUser.MaxDisplayNameLength, ErrorMessage = "A display name can be at most {1} characters.")]
        public string? DisplayName { get; set; }

        [Display(Name = "Initial password")]
        [Required(ErrorMessage = "Enter an initial password.")]
        [StringLength(200, MinimumLength = 12, ErrorMessage = "The password needs at least {2} characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [KnownRoles]
        public List<string> Roles { get; set; } = [];
    }
}
