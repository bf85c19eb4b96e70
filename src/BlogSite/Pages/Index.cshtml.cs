using BlogSite.Pages.Articles;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages;

[ReaderPage]
public sealed class IndexModel(ArticleQueries articles, SiteUrls urls, IOptions<SiteOptions> site) : PageModel
{
    public ArticlePage Articles { get; private set; } = default!;

    public string StructuredData { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        if (pageNumber < 1)
        {
            return NotFound();
        }

        Articles = await articles.ListAsync(pageNumber, ct);
        StructuredData = ArticleStructuredData.Blog(site.Value.Title, site.Value.Tagline, urls.Absolute(Request, "/"));
        return pageNumber > Articles.TotalPages ? NotFound() : Page();
    }
}
