using BlogSite.Data;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Shared;

public sealed record SiteHeaderModel(string Title, string Tagline, IReadOnlyList<CategoryLink> Categories);

public sealed record CategoryLink(string Slug, string Name);

/// <summary>The site's name and its category navigation, for the layout.</summary>
public sealed class SiteHeaderViewComponent(BlogDbContext db, CategoryNavigation navigation, IOptions<SiteOptions> site) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var categories = await navigation.GetAsync(
            ct => db.Categories.AsNoTracking()
                .Where(c => c.Articles.Any(a => a.Status == Domain.ArticleStatus.Published))
                .OrderBy(c => c.Name)
                .Select(c => new CategoryLink(c.Slug, c.Name))
                .ToListAsync(ct),
            HttpContext.RequestAborted);
        return View(new SiteHeaderModel(site.Value.Title, site.Value.Tagline, categories));
    }
}

/// <summary>
/// The categories every reader page lists, kept between requests: they change only when an article does, so the
/// layout reads them once per change instead of once per page. Kept at most a minute besides, as a bound on
/// anything that changes them without an event.
/// </summary>
public sealed class CategoryNavigation(TimeProvider clock) : IBlogChangeListener
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private volatile Kept? kept;
    private long version;

    public async Task<IReadOnlyList<CategoryLink>> GetAsync(Func<CancellationToken, Task<List<CategoryLink>>> read, CancellationToken ct)
    {
        if (kept is { } current && clock.GetUtcNow() - current.ReadAt < Lifetime)
        {
            return current.Categories;
        }

        // A change during the read may not be in what was read: keep it only if no change came meanwhile.
        var before = Interlocked.Read(ref version);
        var readAt = clock.GetUtcNow();
        var categories = await read(ct);
        if (Interlocked.Read(ref version) == before)
        {
            kept = new Kept(categories, readAt);
        }

        return categories;
    }

    public void OnChanged(BlogChange change)
    {
        if (change is not ArticleActivityChanged)
        {
            Interlocked.Increment(ref version);
            kept = null;
        }
    }

    private sealed record Kept(IReadOnlyList<CategoryLink> Categories, DateTimeOffset ReadAt);
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
