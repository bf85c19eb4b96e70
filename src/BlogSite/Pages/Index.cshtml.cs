using BlogSite.Pages.Articles;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages;

[ReaderPage]
public sealed class IndexModel(ArticleQueries articles) : PageModel
{
    public ArticlePage Articles { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync([FromQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        if (pageNumber < 1)
        {
            return NotFound();
        }

        Articles = await articles.ListAsync(pageNumber, ct);
        return pageNumber > Articles.TotalPages ? NotFound() : Page();
    }
}
