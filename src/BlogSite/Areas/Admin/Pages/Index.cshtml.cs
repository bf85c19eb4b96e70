using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages;

/// <summary>The staff start page: links to what the signed-in user's roles allow.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
