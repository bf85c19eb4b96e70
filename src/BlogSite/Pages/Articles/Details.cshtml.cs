using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Articles;

[OutputCache(PolicyName = ReaderPageCachePolicy.Name)]
public sealed class DetailsModel(ArticleQueries articles, IOptions<AdOptions> ads) : PageModel
{
    public ArticleDetails Article { get; private set; } = default!;

    /// <summary>The slots to show, or null where ads are off for the site or this article.</summary>
    public AdSlotOptions? AdAbove { get; private set; }

    public AdSlotOptions? AdBelow { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var article = await articles.FindPublishedAsync(slug, ct);
        if (article is null)
        {
            var current = await articles.FindRedirectAsync(slug, ct);
            return current is null ? NotFound() : RedirectToPagePermanent("/Articles/Details", new { slug = current });
        }

        Article = article;
        var showAds = ads.Value.Enabled && !article.AdsOff;
        AdAbove = showAds ? ads.Value.AboveBody : null;
        AdBelow = showAds ? ads.Value.BelowBody : null;
        return Page();
    }
}
