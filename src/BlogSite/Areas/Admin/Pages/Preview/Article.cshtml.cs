using BlogSite.Areas.Admin.Pages.Articles;
using BlogSite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Preview;

/// <summary>
/// An article as readers will see it, drafts and scheduled ones included, for any signed-in staff
/// member with the link: the way an author asks for a review before publishing.
/// </summary>
public sealed class ArticleModel(ArticleEditorQueries queries, MarkdownRenderer renderer) : PageModel
{
    public EditorArticle Article { get; private set; } = default!;

    public RenderedArticle Rendered { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } article)
        {
            return NotFound();
        }

        Article = article;
        Rendered = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf(article.Input.Body), article.Input.Body, ct);
        return Page();
    }
}
