using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>Asks before moving an article to the bin, from which an Admin can restore it.</summary>
public sealed class DeleteModel(ArticleEditorQueries queries, ArticleEditorCommands commands) : PageModel
{
    private Writer writer = default!;

    public EditorArticle Article { get; private set; } = default!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        switch (await commands.DeleteAsync(writer, id, ct))
        {
            case SaveStatus.Saved:
                StatusMessage = $"“{Article.Input.Title}” is in the bin. An Admin can restore it.";
                return RedirectToPage("/Articles/Index");
            case SaveStatus.Forbidden:
                return Forbid();
            case SaveStatus.NotFound:
                return NotFound();
            default:
                StatusMessage = "This article comes from a file under content/; remove the file instead.";
                return RedirectToPage("/Articles/Edit", new { id });
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var opened = await queries.OpenAsync(User, id, ct);
        if (this.Refusal(opened.Access) is { } refusal)
        {
            return refusal;
        }

        (writer, Article) = (opened.Writer!, opened.Article!);
        return null;
    }
}
