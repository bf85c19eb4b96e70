using BlogSite.Domain;
using BlogSite.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Articles;

/// <summary>
/// POST /articles/{slug}/heart with hearted=true or false. A form post returns to the article;
/// a script's post (Accept: application/json) gets the new state to show in place.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class HeartModel(HeartCommands hearts, ReaderWriteLimits limits, IAntiforgery antiforgery) : PageModel
{
    public string Slug { get; private set; } = "";

    [BindProperty]
    public bool Hearted { get; set; }

    public IActionResult OnGet(string slug) => RedirectToPage("/Articles/Details", new { slug });

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        Slug = slug;
        if (!limits.TryHeart(HttpContext))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            // Usually a reader without JavaScript on a cached page: ask them to confirm with a fresh token.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var state = await hearts.SetAsync(slug, ReaderKeys.FindOrCreate(HttpContext), Hearted, ct);
        if (state is null)
        {
            return NotFound();
        }

        if (Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return new JsonResult(new { hearted = state.Hearted, hearts = state.Hearts, label = Plural.Count(state.Hearts, "heart", "hearts") });
        }

        return RedirectToPage("/Articles/Details", null, new { slug }, "heart");
    }
}
