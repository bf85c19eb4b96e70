using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Comments;

/// <summary>One comment with its context, reports and history, and the same actions as the queue.</summary>
public sealed class DetailsModel(ModerationQueries queries, ModerationCommands commands) : PageModel
{
    [BindProperty]
    public string? RowAction { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Error { get; private set; }

    public CommentModeration Comment { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var comment = await queries.FindAsync(id, ct);
        if (comment is null)
        {
            return NotFound();
        }

        Comment = comment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var valid = ModerationRequest.TryCreate(RowAction, bulkAction: null, ids: null, Note, out var request, out var error);
        // A row action names exactly one comment: it must be this one.
        if (valid && request.Ids[0] != id)
        {
            (valid, error) = (false, "That button belongs to another comment. Reload the page and try again.");
        }

        if (!valid)
        {
            var comment = await queries.FindAsync(id, ct);
            if (comment is null)
            {
                return NotFound();
            }

            (Comment, Error) = (comment, error);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var actor = await queries.ActorAsync(User, ct);
        var changed = await commands.ApplyAsync(request.Ids, request.Action, actor.Id, actor.Name, request.Note, ct);
        StatusMessage = ModerationRules.Outcome(request.Action, changed, request.Ids.Count);
        return RedirectToPage(new { id });
    }
}
