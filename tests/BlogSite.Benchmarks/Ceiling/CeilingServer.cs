using BlogSite.Counters;
using BlogSite.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlogSite.Benchmarks.Ceiling;

/// <summary>
/// The framework's own ceiling for serving a page: the blank ASP.NET Core app (the default builder) answering every
/// request with one saved page held as a byte array, and nothing else (no routing, no middleware, no logging).
/// load.sh runs it beside the site on the same core, so "the site does 0.8x of it" says what the site's own work
/// costs; its start-up time and memory are the blank app's, the floor for the site's.
/// </summary>
/// <remarks>
/// With <c>--rules</c> it also does, per request, what the site must do for any page it answers from memory and
/// nothing else: the proxy's headers (<c>UseForwardedHeaders</c>), the one host answered (host filtering), the
/// security headers (the site's <see cref="SecurityHeadersMiddleware"/>), the cache's Age and Vary, and the view
/// (the site's <see cref="ViewCounter"/>, by the reader's address and browser). What the site costs beyond that is
/// its page cache and its pipeline.
/// </remarks>
internal static class CeilingServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rules = args is ["--rules", ..];
        if ((rules ? args[1..] : args) is not [var file, var url])
        {
            await Console.Error.WriteLineAsync("usage: ceiling [--rules] PAGE.html http://127.0.0.1:PORT");
            return 2;
        }

        var page = await File.ReadAllBytesAsync(file);
        var slug = Path.GetFileNameWithoutExtension(file);
        // The page's folder as content root: no appsettings.json of the site's is read.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Path.GetDirectoryName(Path.GetFullPath(file)) });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        if (rules)
        {
            builder.Configuration["AllowedHosts"] = new Uri(url).Host;
            builder.Services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddOptions<ViewOptions>();
            builder.Services.AddSingleton<ViewCounter>();
        }

        var app = builder.Build();
        if (rules)
        {
            var views = app.Services.GetRequiredService<ViewCounter>();
            app.UseForwardedHeaders();
            app.UseMiddleware<SecurityHeadersMiddleware>();
            app.Run(async context =>
            {
                views.TryCount(slug, ClientAddress.Of(context), context.Request.Headers.UserAgent);
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.Age = "0";
                context.Response.Headers.Vary = "Accept-Encoding";
                context.Response.ContentLength = page.Length;
                await context.Response.BodyWriter.WriteAsync(page);
            });
        }
        else
        {
            app.Run(async context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = page.Length;
                await context.Response.BodyWriter.WriteAsync(page);
            });
        }

        await app.RunAsync();
        return 0;
    }
}
