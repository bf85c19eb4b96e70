using BlogSite.Pages.Articles;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Tags;

[ReaderPage("pageNumber")]
public sealed class DetailsModel(ArticleQueries articles) : PageModel
{
    public string Name { get; private set; } = "";

    public ArticlePage Articles { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug, [ReaderQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || await articles.FindTagAsync(slug, ct) is not { } found)
        {
            return NotFound();
        }

        Name = found.Name;
        Articles = await articles.ListByTagAsync(found.Id, pageNumber, ct);
        return pageNumber > Articles.TotalPages ? NotFound() : Page();
    }
}
