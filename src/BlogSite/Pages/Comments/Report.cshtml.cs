using BlogSite.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Comments;

/// <summary>POST /comments/{id}/report: a reader flags a comment for the moderators.</summary>
[IgnoreAntiforgeryToken]
public sealed class ReportModel(CommentCommands comments, ReaderWriteLimits limits, IAntiforgery antiforgery) : PageModel
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

        var slug = await comments.ReportAsync(id, ReaderKeys.FindOrCreate(HttpContext), ClientAddress.Of(HttpContext), ct);
        return slug is null ? NotFound() : RedirectToPage("/Articles/Details", null, new { slug, reported = id }, $"comment-{id}");
    }
}
