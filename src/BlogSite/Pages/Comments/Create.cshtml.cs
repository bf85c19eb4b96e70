using BlogSite.Subscriptions;
using BlogSite.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Comments;

/// <summary>
/// POST /articles/{slug}/comments: posts a comment, or previews it. A refused or previewed comment
/// comes back on this page with everything the reader typed; nothing is stored until it is accepted.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(RateLimits.Comments)]
public sealed class CreateModel(CommentCommands comments, CommentQueries places, IAntiforgery antiforgery, IOptions<CommentOptions> options, ReplySubscriptions replies)
    : PageModel, IShowsFormAgain
{
    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public CommentTarget Article { get; private set; } = default!;

    public CommentForm Form { get; private set; } = default!;

    public string? PreviewHtml { get; private set; }

    public IActionResult OnGet(string slug) => RedirectToPage("/Articles/Details", null, new { slug }, "comment-form");

    public async Task<IActionResult> OnPostAsync(string slug, string? intent, CancellationToken ct)
    {
        var target = await comments.FindTargetAsync(slug, ct);
        if (target is null)
        {
            return NotFound();
        }

        Article = target;
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return Show(StatusCodes.Status400BadRequest, new Dictionary<string, string>
            {
                [""] = "We couldn't confirm this form came from our page (your browser had no security cookie yet). Your comment is below: press Post comment again.",
            });
        }

        if (intent == "preview")
        {
            var preview = await comments.PreviewAsync(Input, ct);
            PreviewHtml = preview.Html;
            return Show(preview.Status, preview.Errors);
        }

        var readerKey = ReaderKeys.FindOrCreate(HttpContext);
        var result = await comments.PostAsync(target, Input, ClientAddress.Of(HttpContext), readerKey, ct);
        if (result.CommentId is { } id)
        {
            // To the page of comments that holds the new one (the last, as threads run oldest first).
            var place = await places.LocateAsync(id, readerKey, ct);
            return RedirectToPage("/Articles/Details", null, place?.RouteValues() ?? new { slug }, $"comment-{id}");
        }

        return Show(result.Status, result.Errors, result.RetryAfter);
    }

    public IActionResult ShowFormAgain(int status, string message) => Show(status, new Dictionary<string, string> { [""] = message });

    private PageResult Show(int status, IReadOnlyDictionary<string, string> errors, TimeSpan? retryAfter = null)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            // A poster over the stored limit is told when a post leaves the window; a render refused for want of a
            // free slot, to try again shortly.
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter?.TotalSeconds ?? 5)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // The reader already waited once; a fresh stamp would make them wait again for no reason.
        var started = string.IsNullOrEmpty(Input.Started) ? comments.StartedStamp() : Input.Started;
        var replyTo = Input.ParentId is null ? null : "an earlier comment";
        Form = new CommentForm(Article.Slug, Input, started, EmbedToken: true, replyTo, errors, options.Value.MaxLength, replies.Offered);
        return Page();
    }
}
