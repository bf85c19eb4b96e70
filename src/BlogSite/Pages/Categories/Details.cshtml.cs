using BlogSite.Pages.Articles;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Categories;

[ReaderPage("pageNumber")]
public sealed class DetailsModel(ArticleQueries articles) : PageModel
{
    public string Name { get; private set; } = "";

    public ArticlePage Articles { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug, [ReaderQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        var name = ModelState.IsValid ? await articles.FindCategoryNameAsync(slug, ct) : null;
        if (name is null)
        {
            return NotFound();
        }

        Name = name;
        Articles = await articles.ListByCategoryAsync(slug, pageNumber, ct);
        return pageNumber > Articles.TotalPages ? NotFound() : Page();
    }
}
