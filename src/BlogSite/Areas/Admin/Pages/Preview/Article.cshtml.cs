using BlogSite.Accounts;
using BlogSite.Areas.Admin.Pages.Articles;
using BlogSite.Content;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Preview;

/// <summary>
/// An article as readers will see it, drafts and scheduled ones included, for whoever may edit it: its
/// author or an Admin (another author's is 403, as in the editor). Moderators have no editor and no preview.
/// </summary>
[Authorize(Policy = AccountServiceCollectionExtensions.WritePolicy)]
public sealed class ArticleModel(ArticleEditorQueries queries, MarkdownRenderer renderer) : PageModel
{
    public EditorArticle Article { get; private set; } = default!;

    public RenderedArticle Rendered { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var opened = await queries.OpenAsync(User, id, ct);
        if (this.Refusal(opened.Access) is { } refusal)
        {
            return refusal;
        }

        Article = opened.Article!;
        Rendered = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf(Article.Input.Body), Article.Input.Body, ct);
        return Page();
    }
}
