using BlogSite.Email;
using BlogSite.Pages.Email;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Articles;

[ReaderPage("replyTo", "commentPage", "thread", "comment")]
public sealed class DetailsModel(ArticlePageQuery pages, ArticleQueries articles, SiteUrls urls, IOptions<SiteOptions> site, IOptions<EmailOptions> email)
    : PageModel
{
    public ArticlePageData Data { get; private set; } = default!;

    /// <summary>"Get new articles by e-mail", while the site sends e-mail.</summary>
    public SubscribeForm? Subscribe { get; private set; }

    /// <summary>The article's own address, absolute: the canonical link, og:url and the JSON-LD url.</summary>
    public string AbsoluteUrl { get; private set; } = "";

    public string SiteName => site.Value.Title;

    public string StructuredData { get; private set; } = "";

    public ArticleDetails Article => Data.Article;

    public async Task<IActionResult> OnGetAsync(
        string slug, [ReaderQuery] int? replyTo, [ReaderQuery] int? commentPage, [ReaderQuery] int? thread, [ReaderQuery] int? comment, CancellationToken ct)
    {
        // A malformed page of comments names no page; a malformed reply link is handled below, as a gone one.
        if (new[] { nameof(commentPage), nameof(thread), nameof(comment) }.Any(name => ModelState.GetFieldValidationState(name) == ModelValidationState.Invalid))
        {
            return NotFound();
        }

        var readerKey = ReaderKeys.Find(HttpContext);

        // A link to one comment (?comment=ID) goes to the page of comments that holds it, however many came after.
        if (comment is { } commentId)
        {
            var place = await pages.LocateCommentAsync(commentId, readerKey, ct);
            return place is null || place.Slug != slug
                ? RedirectToPage("/Articles/Details", pageHandler: null, new { slug }, fragment: "comments-title")
                : RedirectToPage("/Articles/Details", pageHandler: null, place.RouteValues(), fragment: $"comment-{commentId}");
        }

        var result = await pages.LoadAsync(slug, readerKey, replyTo, commentPage, thread, FormTokens.CanEmbed(HttpContext), ct);
        if (result.CommentPageMissing)
        {
            return NotFound();
        }

        if (result.Data is not { } data)
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
        Subscribe = email.Value.IsEnabled ? SubscribeForm.Empty(data.Form.EmbedToken) : null;
        AbsoluteUrl = urls.Canonical(Request);
        var authorPath = data.Article.AuthorSlug is { } authorSlug ? Url.Page("/Authors/Details", new { slug = authorSlug }) : null;
        StructuredData = ArticleStructuredData.BlogPosting(data.Article, AbsoluteUrl, SiteName, authorPath is null ? null : urls.Absolute(Request, authorPath));
        return Page();
    }
}
