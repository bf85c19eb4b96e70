using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BlogSite.Benchmarks.Ceiling;

/// <summary>
/// The framework's own ceiling for serving a page: the blank ASP.NET Core app (the default builder) answering every
/// request with one saved page held as a byte array, and nothing else (no routing, no middleware, no logging).
/// load.sh runs it beside the site on the same core, so "the site does 0.8x of it" says what the site's own work
/// costs; its start-up time and memory are the blank app's, the floor for the site's.
/// </summary>
internal static class CeilingServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var file, var url])
        {
            await Console.Error.WriteLineAsync("usage: ceiling PAGE.html http://127.0.0.1:PORT");
            return 2;
        }

        var page = await File.ReadAllBytesAsync(file);
        // The page's folder as content root: no appsettings.json of the site's is read.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Path.GetDirectoryName(Path.GetFullPath(file)) });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = page.Length;
            await context.Response.BodyWriter.WriteAsync(page);
        });
        await app.RunAsync();
        return 0;
    }
}
