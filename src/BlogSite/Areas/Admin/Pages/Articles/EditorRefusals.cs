using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Articles;

public static class EditorRefusals
{
    /// <summary>404 for an article that isn't there, 403 for one that isn't the writer's; null when allowed.</summary>
    public static IActionResult? Refusal(this PageModel page, Access access) => access switch
    {
        Access.NotFound => page.NotFound(),
        Access.Forbidden => page.Forbid(),
        _ => null,
    };
}
