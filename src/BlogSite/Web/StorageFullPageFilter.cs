using System.Globalization;
using BlogSite.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BlogSite.Web;

/// <summary>A page whose form can be shown again, with what was typed and a message, when its write was refused.</summary>
public interface IShowsFormAgain
{
    /// <summary>The page's own refusal path (the one a 422 takes), with <paramref name="status"/> and <paramref name="message"/> for the form.</summary>
    IActionResult ShowFormAgain(int status, string message);
}

/// <summary>
/// Every page's write that fails for want of space answers 503 with a Retry-After: a page with a form shows
/// the form again with the text still in it; any other page answers the error page's 503.
/// Handlers need no try/catch of their own, and nothing half-written is kept: the write's transaction rolled back.
/// </summary>
public sealed class StorageFullPageFilter(StoreWritability store) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled || !StorageFull.Is(exception))
        {
            return;
        }

        // Writes outside EF (an image file) are seen only here.
        store.Refused(exception);
        executed.ExceptionHandled = true;
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = StorageFull.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        executed.Result = context.HandlerInstance is IShowsFormAgain page
            ? page.ShowFormAgain(StatusCodes.Status503ServiceUnavailable, StorageFull.Message)
            : new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
    }
}
