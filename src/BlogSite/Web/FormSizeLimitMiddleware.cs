using BlogSite.Pages.Comments;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

/// <summary>
/// Refuses form posts larger than the form needs, with 413 before the body is read, so a huge post
/// costs neither memory nor a half-parsed form. The limit is the comment form's unless the endpoint
/// names its own with <c>[RequestSizeLimit]</c> (the article editor, uploads). Runs after routing.
/// </summary>
public sealed class FormSizeLimitMiddleware(RequestDelegate next, IOptions<CommentOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The error page re-executes the same request; it must not be refused again.
        if (HttpMethods.IsPost(context.Request.Method) && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? options.Value.MaxRequestBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            // Bodies without a length (chunked) are cut off by the server at the same limit.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }
        }

        return next(context);
    }
}
