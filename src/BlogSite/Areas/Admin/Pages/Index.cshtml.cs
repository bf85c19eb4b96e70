using BlogSite.Email;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Areas.Admin.Pages;

/// <summary>The staff start page: links to what the signed-in user's roles allow, and to e-mail's pages while it is on.</summary>
public sealed class IndexModel(IOptions<EmailOptions> email) : PageModel
{
    public bool EmailIsOn => email.Value.IsEnabled;

    public void OnGet()
    {
    }
}
