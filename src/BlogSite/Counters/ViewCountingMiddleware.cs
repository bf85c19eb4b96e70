using BlogSite.Web;

namespace BlogSite.Counters;

/// <summary>
/// Counts a view for each successful article page response. It runs around the reader page cache,
/// so a page served from the cache still counts; a page served before routing (<see cref="CachedPageMiddleware"/>)
/// is counted there, by the slug this middleware's rule gave when the page was kept.
/// </summary>
public sealed class ViewCountingMiddleware(RequestDelegate next, ViewCounter counter)
{
    private const string ArticlePrefix = "/articles/";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        if (ViewedSlugOf(context) is { } slug)
        {
            counter.TryCount(slug, ClientAddress.Of(context), context.Request.Headers.UserAgent);
        }
    }

    /// <summary>The article whose view this response counts: a successful GET of an article page, after routing.</summary>
    public static string? ViewedSlugOf(HttpContext context)
    {
        var path = context.Request.Path.Value;
        return context.Response.StatusCode == StatusCodes.Status200OK
            && HttpMethods.IsGet(context.Request.Method)
            && path is not null
            && path.StartsWith(ArticlePrefix, StringComparison.Ordinal)
            && context.GetEndpoint()?.DisplayName == "/Articles/Details"
            ? path[ArticlePrefix.Length..].TrimEnd('/')
            : null;
    }
}
