using BlogSite.Email;
using BlogSite.Pages.Articles;
using BlogSite.Pages.Email;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages;

[ReaderPage("pageNumber")]
public sealed class IndexModel(ArticleQueries articles, SiteUrls urls, IOptions<SiteOptions> site, IOptions<EmailOptions> email) : PageModel
{
    public ArticlePage Articles { get; private set; } = default!;

    /// <summary>"Get new articles by e-mail", while the site sends e-mail.</summary>
    public SubscribeForm? Subscribe { get; private set; }

    public string StructuredData { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([ReaderQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        // A page number that is not a canonical positive number names no page.
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        Articles = await articles.ListAsync(pageNumber, ct);
        Subscribe = email.Value.IsEnabled ? SubscribeForm.Empty(FormTokens.CanEmbed(HttpContext)) : null;
        StructuredData = ArticleStructuredData.Blog(site.Value.Title, site.Value.Tagline, urls.Absolute(Request, "/"));
        return pageNumber > Articles.TotalPages ? NotFound() : Page();
    }
}
