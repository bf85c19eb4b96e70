using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Articles;

/// <summary>
/// Old addresses of articles (front matter's <c>aliases</c>, an imported blog's permalinks) answer with a 301 to
/// the article. Only requests no page matched come here, so a path is looked up once, by the unique index, and
/// only on the way to a 404.
/// </summary>
public sealed class AliasRedirectMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, BlogDbContext db, TimeProvider clock, LinkGenerator links)
    {
        if (context.GetEndpoint() is null && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.Request.Path.Value is { } requested && requested.Length <= ArticleRules.MaxAliasLength
            && ArticleRules.AliasPath(requested) is { } path)
        {
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
}
