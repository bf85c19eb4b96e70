using BlogSite.Data;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Shared;

public sealed record SiteHeaderModel(string Title, string Tagline, IReadOnlyList<CategoryLink> Categories);

public sealed record CategoryLink(string Slug, string Name);

/// <summary>The site's name and its category navigation, for the layout.</summary>
public sealed class SiteHeaderViewComponent(BlogDbContext db, IOptions<SiteOptions> site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.Articles.Any(a => a.Status == Domain.ArticleStatus.Published))
            .OrderBy(c => c.Name)
            .Select(c => new CategoryLink(c.Slug, c.Name))
            .ToListAsync(HttpContext.RequestAborted);
        return View(new SiteHeaderModel(site.Value.Title, site.Value.Tagline, categories));
    }
}

/// <summary>The document title: the page's own title, then the site's name.</summary>
public sealed class SiteTitleViewComponent(IOptions<SiteOptions> site) : ViewComponent
{
    public IViewComponentResult Invoke(string? pageTitle) =>
        Content(string.IsNullOrEmpty(pageTitle) ? site.Value.Title : $"{pageTitle} · {site.Value.Title}");
}

public sealed record PageMeta(string Description, string Canonical);

/// <summary>The page's meta description (the site's tagline when the page gives none) and its canonical link.</summary>
public sealed class PageMetaViewComponent(SiteUrls urls, IOptions<SiteOptions> site) : ViewComponent
{
    public IViewComponentResult Invoke(string? description) =>
        View(new PageMeta(string.IsNullOrWhiteSpace(description) ? site.Value.Tagline : description, urls.Canonical(Request)));
}
