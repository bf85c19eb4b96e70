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
    /// The site's public address (e.g. https://blog.example.com) for canonical links, OpenGraph and
    /// structured data; empty: the address of the request. Set it when the site answers to several names.
    /// </summary>
    [Url]
    public string? BaseUrl { get; init; }
}
