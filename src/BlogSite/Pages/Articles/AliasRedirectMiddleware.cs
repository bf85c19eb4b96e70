using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Articles;

/// <summary>
/// Old addresses of articles (front matter's <c>aliases</c>, an imported blog's permalinks) answer with a 301 to
/// the article. Only requests no page matched are looked up (and the home page asked for <c>?p=ID</c>), once, by
/// the unique index, on the way to a 404.
/// </summary>
public sealed class AliasRedirectMiddleware(RequestDelegate next, TimeProvider clock, LinkGenerator links)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && OldAddress(context) is { } path)
        {
            // Asked for here, not as a parameter of InvokeAsync: that rented a context from the pool, and made a
            // request scope, for every request, a cached page's included.
            var db = context.RequestServices.GetRequiredService<BlogDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var slug = await db.ArticleAliases.AsNoTracking()
                .Where(a => a.Path == path)
                .Select(a => a.Article!)
                .PublishedAt(now)
                .Select(a => a.Slug)
                .FirstOrDefaultAsync(context.RequestAborted);
            if (slug is not null && links.GetPathByPage(context, "/Articles/Details", values: new { slug }) is { } target)
            {
                context.Response.Redirect(target, permanent: true);
                return;
            }
        }

        await next(context);
    }

    /// <summary>The old address a request may be: WordPress's <c>/?p=ID</c> on the home page, or a path no page answers.</summary>
    private static string? OldAddress(HttpContext context)
    {
        var request = context.Request;
        if (request.Path == "/" && request.Query.Count == 1 && request.Query["p"] is [{ } id])
        {
            return ArticleRules.PostIdAlias("/?p=" + id);
        }

        return context.GetEndpoint() is null && request.Path.Value is { Length: <= ArticleRules.MaxAliasLength } requested
            ? ArticleRules.AliasPath(requested)
            : null;
    }
}
