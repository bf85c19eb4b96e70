using System.Globalization;
using BlogSite.Domain;
using BlogSite.Email;
using BlogSite.Subscriptions;
using BlogSite.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Email;

/// <summary>
/// POST /email/subscribe: "Get new articles by e-mail" from the home page or an article. Accepted, it answers with a
/// redirect to the page that says to look for the confirmation, whatever the address's state, so the form tells no one
/// whether an address is known. GET shows the form on a page of its own. Nothing here exists while e-mail is off.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SubscribeModel(SubscriptionCommands subscriptions, SubscribeRateLimit rateLimit, IAntiforgery antiforgery, IOptions<EmailOptions> email)
    : PageModel, IShowsFormAgain
{
    [BindProperty]
    public SubscribeInput Input { get; set; } = new();

    public SubscribeForm Form { get; private set; } = default!;

    /// <summary>True on the page after an accepted request.</summary>
    public bool Asked { get; private set; }

    public IActionResult OnGet(bool asked = false)
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        Asked = asked;
        return Show(StatusCodes.Status200OK, new Dictionary<string, string>());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!email.Value.IsEnabled)
        {
            return NotFound();
        }

        if (rateLimit.WaitFor(HttpContext) is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            return ShowFormAgain(StatusCodes.Status429TooManyRequests,
                $"There have been many subscription requests from your network. Please wait {Plural.Count(minutes, "minute", "minutes")}, then try again.");
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return ShowFormAgain(StatusCodes.Status400BadRequest,
                "We couldn't confirm this form came from our page (your browser had no security cookie yet). Your address is below: press Subscribe again.");
        }

        if (!ModelState.IsValid)
        {
            return ShowFormAgain(StatusCodes.Status422UnprocessableEntity, "Choose how often: each article, a daily digest or a weekly one.");
        }

        var result = await subscriptions.SubscribeToArticlesAsync(Input.Email, Input.Frequency, ClientAddress.Of(HttpContext), ct);
        if (result.Error is not { } error)
        {
            return RedirectToPage("/Email/Subscribe", new { asked = "true" });
        }

        if (result.RetryAfter is { } retry)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var field = result.Status == StatusCodes.Status422UnprocessableEntity ? nameof(SubscribeInput.Email) : "";
        return Show(result.Status, new Dictionary<string, string> { [field] = error });
    }

    public IActionResult ShowFormAgain(int status, string message) => Show(status, new Dictionary<string, string> { [""] = message });

    private PageResult Show(int status, IReadOnlyDictionary<string, string> errors)
    {
        Response.StatusCode = status;
        Form = new SubscribeForm(Input, EmbedToken: true, errors);
        return Page();
    }
}
