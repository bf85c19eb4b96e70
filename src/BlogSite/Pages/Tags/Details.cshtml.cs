using BlogSite.Pages.Articles;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Tags;

[ReaderPage]
public sealed class DetailsModel(ArticleQueries articles) : PageModel
{
    public string Name { get; private set; } = "";

    public ArticlePage Articles { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        var name = await articles.FindTagNameAsync(slug, ct);
        if (name is null || pageNumber < 1)
        {
            return NotFound();
        }

        Name = name;
        Articles = await articles.ListByTagAsync(slug, pageNumber, ct);
        return pageNumber > Articles.TotalPages ? NotFound() : Page();
    }
}
