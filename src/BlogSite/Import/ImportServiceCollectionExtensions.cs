using BlogSite.Media;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Import;

public static class ImportServiceCollectionExtensions
{
    /// <summary>The admin import page, in the Admin area.</summary>
    public const string ImportPage = "/Import/Index";

    /// <summary>
    /// One import from start to end, the storing of its images, and the admin import page's body limit (from
    /// Import:MaxUploadBytes, as AddBlogMedia does for images); the importer itself is registered with the content
    /// services it writes through.
    /// </summary>
    public static IServiceCollection AddBlogImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ImportMedia>();
        services.AddScoped<ImportJob>();
        services.AddSingleton<ImportGate>();
        services.AddOptions<RazorPagesOptions>().PostConfigure<IOptions<ImportOptions>>((pages, import) =>
            pages.Conventions.AddAreaPageApplicationModelConvention("Admin", ImportPage, page =>
                page.EndpointMetadata.Add(new BodySizeLimit(import.Value.MaxUploadBytes + MediaServiceCollectionExtensions.FormOverheadBytes))));
        return services;
    }
}

/// <summary>One import at a time from the admin page: two at once would race to create the same articles.</summary>
public sealed class ImportGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Null when an import is running; dispose what it returns to let the next one in.</summary>
    public IDisposable? TryEnter() => gate.Wait(0) ? new Exit(gate) : null;

    public void Dispose() => gate.Dispose();

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
