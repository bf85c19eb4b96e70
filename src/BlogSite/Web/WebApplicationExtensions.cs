using BlogSite.Counters;
using BlogSite.Data;
using BlogSite.Pages.Articles;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

public static class WebApplicationExtensions
{
    /// <summary>
    /// The middleware in order: the client's address and scheme from a trusted proxy before anything reads
    /// them; errors and headers next; then cached pages asked for without a query string, before routing; views are
    /// counted around the page cache, so a cached page still counts; cached pages are answered before the sign-in
    /// machinery runs. Only
    /// those shared reader pages are compressed: other pages may carry a form token, which compression
    /// over HTTPS can leak (BREACH). Static assets come precompressed from MapStaticAssets.
    /// </summary>
    public static WebApplication UseBlogPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                // An over-large or malformed request keeps its own status (413, 400), not 500; a full disk is 503, try later.
                StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode
                    : StorageFull.Is(ex) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            });
            if (app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.HstsMaxAgeDays > 0)
            {
                app.UseHsts();
            }
        }

        // A kept page's headers include the security headers it was rendered with, so a hit needs them set once, not twice.
        app.UseMiddleware<CachedPageMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRouting();
        app.UseMiddleware<AliasRedirectMiddleware>();
        app.UseMiddleware<FormSizeLimitMiddleware>();
        app.UseMiddleware<ViewCountingMiddleware>();
        app.UseWhen(ReaderPageCacheMiddleware.IsSharedRead, reader => reader.UseResponseCompression());
        app.UseMiddleware<ReaderPageCacheMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
