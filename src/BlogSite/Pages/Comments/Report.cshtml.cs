using BlogSite.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Comments;

/// <summary>POST /comments/{id}/report: a reader flags a comment for the moderators.</summary>
[IgnoreAntiforgeryToken]
public sealed class ReportModel(CommentCommands comments, CommentQueries places, ReaderWriteLimits limits, IAntiforgery antiforgery) : PageModel
{
    public int CommentId { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        CommentId = id;
        if (!limits.TryReport(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var readerKey = ReaderKeys.FindOrCreate(HttpContext);
        var slug = await comments.ReportAsync(id, readerKey, ClientAddress.Of(HttpContext), ct);
        if (slug is null)
        {
            return NotFound();
        }

        // Back to the page of comments that holds it; a report that held the comment leaves the page it was on unknown.
        var place = await places.LocateAsync(id, readerKey, ct);
        return RedirectToPage("/Articles/Details", null, new { slug, commentPage = place?.Page is > 1 ? place.Page : (int?)null, thread = place?.Thread, reported = id }, $"comment-{id}");
    }
}
