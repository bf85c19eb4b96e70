using BlogSite.Counters;

namespace BlogSite.Web;

public static class WebApplicationExtensions
{
    /// <summary>The middleware in order: errors and headers first, views before the output cache.</summary>
    public static WebApplication UseBlogPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRouting();
        app.UseMiddleware<ViewCountingMiddleware>();
        app.UseOutputCache();
        return app;
    }
}
