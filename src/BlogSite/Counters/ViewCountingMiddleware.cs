using BlogSite.Web;

namespace BlogSite.Counters;

/// <summary>
/// Counts a view for each successful article page response. It runs around the reader page cache,
/// so a page served from the cache still counts.
/// </summary>
public sealed class ViewCountingMiddleware(RequestDelegate next, ViewCounter counter)
{
    private const string ArticlePrefix = "/articles/";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var path = context.Request.Path.Value;
        if (context.Response.StatusCode == StatusCodes.Status200OK
            && HttpMethods.IsGet(context.Request.Method)
            && path is not null
            && path.StartsWith(ArticlePrefix, StringComparison.Ordinal)
            && context.GetEndpoint()?.DisplayName == "/Articles/Details")
        {
            var slug = path[ArticlePrefix.Length..].TrimEnd('/');
            counter.TryCount(slug, ClientAddress.Of(context), context.Request.Headers.UserAgent);
        }
    }
}
