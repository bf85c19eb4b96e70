using System.ComponentModel.DataAnnotations;

namespace BlogSite.Web;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    [Required, StringLength(80)]
    public string Title { get; init; } = "BlogSite";

    [StringLength(200)]
    public string Tagline { get; init; } = "Notes on building software, written to be read.";

    /// <summary>
    /// The site's public address (https://blog.example.com): every absolute link (canonical links, OpenGraph,
    /// structured data, feeds, the sitemap) is made from it, and requests for any other host are refused.
    /// Required outside Development, since a request's Host header is whatever the client wrote.
    /// </summary>
    public string? BaseUrl { get; init; }

    /// <summary>The base URL's origin without a trailing slash, or null when none is set.</summary>
    public Uri? Origin => string.IsNullOrEmpty(BaseUrl) ? null : new Uri(BaseUrl.TrimEnd('/'));

    /// <summary>Why the base URL can't be used in <paramref name="environment"/>, or null when it can.</summary>
    public string? Problem(IHostEnvironment environment)
    {
        if (string.IsNullOrEmpty(BaseUrl))
        {
            return environment.IsDevelopment()
                ? null
                : $"Site:BaseUrl is required in {environment.EnvironmentName}: set it to the site's public address, e.g. https://blog.example.com (environment variable Site__BaseUrl).";
        }

        return Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? null
            : $"Site:BaseUrl '{BaseUrl}' must be an http or https origin such as https://blog.example.com, with no path.";
    }
}
