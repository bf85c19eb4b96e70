using System.Globalization;
using BlogSite.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Comments;

/// <summary>The moderation queue: comments by status, filters, per-row and bulk actions.</summary>
public sealed class IndexModel(ModerationQueries queries, ModerationCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CommentStatus Status { get; set; } = CommentStatus.Pending;

    /// <summary>Words of an article's title, or the start of its slug.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Article { get; set; }

    /// <summary>Words to find in the body or the poster's name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Words to find in the reason a comment was held.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Held { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(Name = "ids")]
    public List<int> Ids { get; set; } = [];

    [BindProperty]
    public string? BulkAction { get; set; }

    [BindProperty]
    public string? RowAction { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Error { get; private set; }

    public ModerationQueuePage Queue { get; private set; } = default!;

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Article) || !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Held);

    public async Task OnGetAsync(CancellationToken ct) =>
        Queue = await queries.QueueAsync(Filter, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModerationRequest.TryCreate(RowAction, BulkAction, Ids, Note, out var request, out var error))
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Queue = await queries.QueueAsync(Filter, ct);
            return Page();
        }

        var actor = await queries.ActorAsync(User, ct);
        var changed = await commands.ApplyAsync(request.Ids, request.Action, actor.Id, actor.Name, request.Note, ct);
        StatusMessage = ModerationRules.Outcome(request.Action, changed, request.Ids.Count);
        return RedirectToPage(RouteValues());
    }

    /// <summary>
    /// The query of this page with the filters kept: for <paramref name="status"/>'s tab (from its first page),
    /// for another page of this list, or, with neither, for this very list.
    /// </summary>
    public Dictionary<string, string> RouteValues(CommentStatus? status = null, int? pageNumber = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var shown = status ?? Status;
        if (shown != CommentStatus.Pending)
        {
            values["status"] = ModerationRules.Key(shown);
        }

        if (!string.IsNullOrWhiteSpace(Article))
        {
            values["article"] = Article.Trim();
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            values["q"] = Q.Trim();
        }

        if (!string.IsNullOrWhiteSpace(Held))
        {
            values["held"] = Held.Trim();
        }

        var page = pageNumber ?? (status is null ? PageNumber : 1);
        if (page > 1)
        {
            values["pageNumber"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    private ModerationFilter Filter => new(Status, Article, Q, Held, PageNumber);
}
