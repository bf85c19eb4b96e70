using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>An article's revisions, one compared with the current text, and restoring one.</summary>
public sealed class RevisionsModel(ArticleEditorQueries queries, ArticleEditorCommands commands) : PageModel
{
    private Writer writer = default!;

    public EditorArticle Article { get; private set; } = default!;

    public IReadOnlyList<RevisionItem> Revisions { get; private set; } = [];

    public RevisionDetails? Compared { get; private set; }

    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? revision, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        if (revision is { } revisionId)
        {
            Compared = await queries.RevisionAsync(id, revisionId, ct);
            if (Compared is null)
            {
                return NotFound();
            }

            Diff = RevisionDiff.Lines(Compared.Body, Article.Input.Body);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int revision, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var result = await commands.RestoreRevisionAsync(writer, id, revision, ct);
        switch (result.Status)
        {
            case SaveStatus.Saved:
                StatusMessage = "Restored. The restore is itself a revision, so it can be undone the same way.";
                return RedirectToPage("/Articles/Edit", new { id });
            case SaveStatus.Forbidden:
                return Forbid();
            case SaveStatus.NotFound:
                return NotFound();
            default:
                StatusMessage = result.Status == SaveStatus.ReadOnly
                    ? "This article comes from a file under content/; change the file instead."
                    : "That revision can't be restored as it is: " + string.Join(" ", result.Errors.Values);
                return RedirectToPage(new { id, revision });
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
        Revisions = await queries.RevisionsAsync(id, ct);
        return null;
    }
}
