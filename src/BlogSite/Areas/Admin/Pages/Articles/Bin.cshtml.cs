using BlogSite.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>Deleted articles, which only an Admin sees and can restore.</summary>
[Authorize(Policy = AccountServiceCollectionExtensions.AdministerPolicy)]
public sealed class BinModel(ArticleEditorQueries queries, ArticleEditorCommands commands) : PageModel
{
    public IReadOnlyList<EditorListItem> Articles { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Articles = await queries.BinAsync(ct);

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct)
    {
        if (!await commands.RestoreFromBinAsync(id, ct))
        {
            return NotFound();
        }

        StatusMessage = "Restored, as it was when it was deleted.";
        return RedirectToPage("/Articles/Edit", new { id });
    }
}
