using BlogSite.Counters;

namespace BlogSite.Web;

/// <summary>
/// Answers an anonymous GET or HEAD with no query string from <see cref="ReaderPageCache"/> before routing: the
/// common hit (an article, the home page) then skips the router and every middleware after it, which took about a
/// third of the server's time for such a hit. A query-less key is the path whatever the page, so no endpoint is
/// needed to find it. The view such a request counts is counted here, for the article
/// <see cref="ViewCountingMiddleware"/> named when the page was kept. Misses, and requests with query values, go on to
/// routing and <see cref="ReaderPageCacheMiddleware"/>, which keeps pages and answers the rest.
/// </summary>
public sealed class CachedPageMiddleware(RequestDelegate next, ReaderPageCache cache, ViewCounter views, TimeProvider clock)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.HasValue
            || !ReaderPageCacheMiddleware.IsAnonymousRead(request)
            || !cache.TryGet(cache.KeyOfPath(request, ReaderPageCacheMiddleware.PathOf(request)), out var page))
        {
            return next(context);
        }

        if (page.ViewedSlug is { } slug && HttpMethods.IsGet(request.Method))
        {
            views.TryCount(slug, ClientAddress.Of(context), request.Headers.UserAgent);
        }

        return ReaderPageCacheMiddleware.ServeAsync(context, page, clock.GetUtcNow());
    }
}
