using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages;

/// <summary>One friendly page for every error status, reached by re-execution; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading { get; private set; } = "";

    public string Advice { get; private set; } = "";

    public void OnGet(int? code) => Describe(code ?? StatusCodes.Status500InternalServerError);

    public void OnPost(int? code) => Describe(code ?? StatusCodes.Status500InternalServerError);

    private void Describe(int code)
    {
        Status = code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError;
        (Heading, Advice) = Status switch
        {
            400 => ("That request didn't make sense to us", "Something in the request was malformed. Go back, check what you entered, and try again."),
            403 => ("You don't have access to this page", "Your account can't open this page. Sign in with another account or go back."),
            404 => ("We couldn't find that page", "The address may be mistyped, or the article may have moved or not be published yet."),
            405 => ("That action isn't available here", "This address doesn't accept that kind of request. Go back and use the page's own buttons and links."),
            413 => ("That was too large", "What you sent is over our size limit. Shorten it and try again."),
            422 => ("We couldn't accept that", "Some of what you entered isn't valid. Go back, correct it, and try again."),
            429 => ("Slow down a little", "You've sent many requests in a short time. Wait a minute, then try again."),
            503 => ("We can't save anything right now", "The site's storage is full, so what you sent was not saved. Reading works as usual; please try again in a few minutes."),
            _ => ("Something went wrong on our side", "It's not you. The error has been logged; try again in a moment."),
        };

        if (Status == StatusCodes.Status429TooManyRequests && int.TryParse(Response.Headers.RetryAfter, out var seconds))
        {
            Advice = seconds < 90
                ? $"You've sent many requests in a short time. Please wait {seconds} seconds, then try again."
                : $"You've sent many requests in a short time. Please wait {(seconds + 59) / 60} minutes, then try again.";
        }

        // The exception handler clears the headers a failed write set; a client is still told when to try again.
        if (Status == StatusCodes.Status503ServiceUnavailable && string.IsNullOrEmpty(Response.Headers.RetryAfter))
        {
            Response.Headers.RetryAfter = BlogSite.Data.StorageFull.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Re-executed requests keep their status; a direct visit to /error shows the page as it was asked for.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null)
        {
            Response.StatusCode = Status;
        }
    }
}
