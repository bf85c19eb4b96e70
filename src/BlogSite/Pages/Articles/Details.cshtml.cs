using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Articles;

[ReaderPage("replyTo")]
public sealed class DetailsModel(ArticlePageQuery pages, ArticleQueries articles, SiteUrls urls, IOptions<SiteOptions> site) : PageModel
{
    public ArticlePageData Data { get; private set; } = default!;

    /// <summary>The article's own address, absolute: the canonical link, og:url and the JSON-LD url.</summary>
    public string AbsoluteUrl { get; private set; } = "";

    public string SiteName => site.Value.Title;

    public string StructuredData { get; private set; } = "";

    public ArticleDetails Article => Data.Article;

    public async Task<IActionResult> OnGetAsync(string slug, [ReaderQuery] int? replyTo, CancellationToken ct)
    {
        var data = await pages.LoadAsync(slug, ReaderKeys.Find(HttpContext), replyTo, FormTokens.CanEmbed(HttpContext), ct);
        if (data is null)
        {
            var current = await articles.FindRedirectAsync(slug, ct);
            return current is null ? NotFound() : RedirectToPagePermanent("/Articles/Details", new { slug = current });
        }

        // A reply link to a comment that is gone, or a malformed one, leads to the article's form: never a page of its own.
        if ((replyTo is not null || !ModelState.IsValid) && data.Form.Input.ParentId is null)
        {
            return RedirectToPage("/Articles/Details", pageHandler: null, new { slug = data.Article.Slug }, fragment: "comment-form");
        }

        Data = data;
        AbsoluteUrl = urls.Canonical(Request);
        var authorPath = data.Article.AuthorSlug is { } authorSlug ? Url.Page("/Authors/Details", new { slug = authorSlug }) : null;
        StructuredData = ArticleStructuredData.BlogPosting(data.Article, AbsoluteUrl, SiteName, authorPath is null ? null : urls.Absolute(Request, authorPath));
        return Page();
    }
}
