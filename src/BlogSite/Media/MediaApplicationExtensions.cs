using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace BlogSite.Media;

public static class MediaApplicationExtensions
{
    /// <summary>
    /// Serves stored images at /media/{name} to anyone, with the site's security headers. Names are hashes of
    /// the bytes, so browsers and proxies may keep a copy for a year without asking again.
    /// </summary>
    public static WebApplication UseBlogMedia(this WebApplication app)
    {
        var folder = app.Services.GetRequiredService<ImageStore>().Folder;
        Directory.CreateDirectory(folder);

        // Only the stored kinds are served; any other file in the folder is a 404.
        var types = new FileExtensionContentTypeProvider();
        types.Mappings.Clear();
        foreach (var kind in ImageKind.All)
        {
            types.Mappings[kind.Extension] = kind.ContentType;
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = ImageStore.RequestPath,
            ContentTypeProvider = types,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
        return app;
    }
}
