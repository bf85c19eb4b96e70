using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Articles;

[ReaderPage]
public sealed class DetailsModel(ArticlePageQuery pages, ArticleQueries articles) : PageModel
{
    public ArticlePageData Data { get; private set; } = default!;

    public ArticleDetails Article => Data.Article;

    public async Task<IActionResult> OnGetAsync(string slug, int? replyTo, CancellationToken ct)
    {
        var data = await pages.LoadAsync(slug, ReaderKeys.Find(HttpContext), replyTo, FormTokens.CanEmbed(HttpContext), ct);
        if (data is null)
        {
            var current = await articles.FindRedirectAsync(slug, ct);
            return current is null ? NotFound() : RedirectToPagePermanent("/Articles/Details", new { slug = current });
        }

        Data = data;
        return Page();
    }
}
