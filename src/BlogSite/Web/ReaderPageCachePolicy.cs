using BlogSite.Counters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

/// <summary>
/// Whole-page caching of what every anonymous reader sees alike. Requests that carry a sign-in or
/// reader cookie are rendered afresh, so nothing personal is stored or leaked. Entries live no longer
/// than the view flush interval and are evicted by tag when content changes.
/// </summary>
public sealed class ReaderPageCachePolicy(IOptions<ViewOptions> views) : IOutputCachePolicy
{
    public const string Name = "ReaderPage";
    public const string Tag = "reader-pages";

    /// <summary>The tag of one article's cached page, evicted on any write that touches the article.</summary>
    public static string ArticleTag(string slug) => "article:" + slug;

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Headers.Cookie.Count == 0
            && request.Headers.Authorization.Count == 0;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(views.Value.FlushSeconds);
        // Only the query values pages read make a different page; any other query string shares the cached copy.
        context.CacheVaryByRules.QueryKeys = new(["pageNumber", "replyTo"]);
        context.Tags.Add(Tag);
        if (context.HttpContext.Request.RouteValues["slug"] is string slug && context.HttpContext.GetEndpoint()?.DisplayName == "/Articles/Details")
        {
            context.Tags.Add(ArticleTag(slug));
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
