using System.ComponentModel.DataAnnotations;

namespace BlogSite.Web;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    [Required, StringLength(80)]
    public string Title { get; init; } = "BlogSite";

    [StringLength(200)]
    public string Tagline { get; init; } = "Notes on building software, written to be read.";
}
