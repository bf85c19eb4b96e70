using BlogSite.Pages.Articles;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Authors;

[ReaderPage]
public sealed class DetailsModel(ArticleQueries articles) : PageModel
{
    public string Name { get; private set; } = "";

    public ArticlePage Articles { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        if (await articles.FindAuthorAsync(slug, ct) is not { } author || pageNumber < 1)
        {
            return NotFound();
        }

        Name = author.Name;
        Articles = await articles.ListByAuthorAsync(author.Id, pageNumber, ct);
        return pageNumber > Articles.TotalPages ? NotFound() : Page();
    }
}
