using BlogSite.Pages.Articles;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Authors;

[ReaderPage("pageNumber")]
public sealed class DetailsModel(ArticleQueries articles) : PageModel
{
    public string Name { get; private set; } = "";

    public ArticlePage Articles { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug, [ReaderQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || await articles.FindAuthorAsync(slug, ct) is not { } author)
        {
            return NotFound();
        }

        Name = author.Name;
        Articles = await articles.ListByAuthorAsync(author.Id, pageNumber, ct);
        return pageNumber > Articles.TotalPages ? NotFound() : Page();
    }
}
