using BlogSite.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace BlogSite.Pages.Comments;

/// <summary>POST /comments/{id}/report: a reader flags a comment for the moderators.</summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimits.Reports)]
public sealed class ReportModel(CommentCommands comments, IAntiforgery antiforgery) : PageModel
{
    public int CommentId { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        CommentId = id;
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var slug = await comments.ReportAsync(id, ReaderKeys.FindOrCreate(HttpContext), ct);
        return slug is null ? NotFound() : RedirectToPage("/Articles/Details", null, new { slug, reported = id }, $"comment-{id}");
    }
}
