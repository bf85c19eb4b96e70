using BlogSite.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>Room in an upload's body for the multipart framing, the alt text and the form token.</summary>
    public const int FormOverheadBytes = 64 * 1024;

    /// <summary>The upload page, in the Admin area.</summary>
    public const string UploadPage = "/Images/Upload";

    public static IServiceCollection AddBlogMedia(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImageStore>();
        // The upload page's body limit follows Media:MaxImageBytes, which a [RequestSizeLimit] constant could not;
        // FormSizeLimitMiddleware reads it from the endpoint and answers 413 before the body is read. PostConfigure,
        // because AddRazorPages' own setup replaces the conventions collection whenever it runs.
        services.AddOptions<RazorPagesOptions>().PostConfigure<IOptions<MediaOptions>>((pages, media) =>
            pages.Conventions.AddAreaPageApplicationModelConvention("Admin", UploadPage, page =>
                page.EndpointMetadata.Add(new BodySizeLimit(media.Value.MaxImageBytes + FormOverheadBytes))));
        return services;
    }
}
