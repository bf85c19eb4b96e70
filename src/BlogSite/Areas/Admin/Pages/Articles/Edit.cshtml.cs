using BlogSite.Content;
using BlogSite.Domain;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>
/// Writing one article (new when there is no id): the form, Save, and a Preview through the article
/// pipeline — a whole page without JavaScript, the preview fragment alone for the live preview.
/// </summary>
[RequestSizeLimit(3 * ArticleRules.MaxBodyLength)]
public sealed class EditModel(
    ArticleEditorQueries queries, ArticleEditorCommands commands, MarkdownRenderer renderer, IOptions<ContentOptions> content) : PageModel, IShowsFormAgain
{
    private Writer writer = default!;

    /// <summary>The header the editor's script sends to get the preview fragment instead of the page.</summary>
    public const string FragmentHeader = "X-Preview";

    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    public EditorArticle? Article { get; private set; }

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public RenderedArticle? Preview { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Why the preview shows the source text instead of the formatted article, and what to change.</summary>
    public string? PreviewProblem =>
        Preview?.Failure is { } failure ? RenderFailures.Advice(failure, "This article", renderer.MaxHtmlCharacters) : null;

    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsNew => Article is null;

    public bool IsReadOnly => Article?.SourcePath is not null;

    /// <summary>Whether a change to a file under content/ reaches the site without a restart.</summary>
    public bool FollowsFiles => content.Value.WatchForChanges;

    /// <summary>The id as a route value, or none for a new article (a null id makes no link at all).</summary>
    public Dictionary<string, string> IdRoute =>
        Article is null ? [] : new() { ["id"] = Article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Input = Article?.Input ?? new ArticleInput();
        if (Input.Body.Length > 0)
        {
            Preview = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf(Input.Body), Input.Body, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        if (IsReadOnly)
        {
            return ReadOnlyConflict();
        }

        if (ModelState.IsValid)
        {
            var result = await commands.SaveAsync(writer, id, Input.ToDraft(), note: "", ct);
            switch (result.Status)
            {
                case SaveStatus.Saved:
                    StatusMessage = "Saved.";
                    return RedirectToPage(new { id = result.ArticleId });
                case SaveStatus.NotFound:
                    return NotFound();
                case SaveStatus.Forbidden:
                    return Forbid();
                case SaveStatus.ReadOnly:
                    return ReadOnlyConflict();
                default:
                    foreach (var (field, message) in result.Errors)
                    {
                        ModelState.AddModelError($"{nameof(Input)}.{field}", message);
                    }

                    break;
            }
        }

        Error = "Nothing was saved: correct the fields marked below. Your text is still here.";
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        var body = Input.Body ?? "";
        Preview = await renderer.RenderArticleAsync(MarkdownRenderer.HashOf(body), body, ct);
        if (Request.Headers.ContainsKey(FragmentHeader))
        {
            return Partial("_ArticlePreview", this);
        }

        return Page();
    }

    public IActionResult ShowFormAgain(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private PageResult ReadOnlyConflict()
    {
        Error = "This article comes from a file under content/; change the file instead.";
        Input = Article?.Input ?? Input;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Loads the article and the form's lists; a refusal when it doesn't exist or isn't the writer's.</summary>
    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        if (id is { } articleId)
        {
            var opened = await queries.OpenAsync(User, articleId, ct);
            if (this.Refusal(opened.Access) is { } refusal)
            {
                return refusal;
            }

            (writer, Article) = (opened.Writer!, opened.Article);
        }
        else if (await queries.WriterAsync(User, ct) is { } newWriter)
        {
            writer = newWriter;
        }
        else
        {
            return Forbid();
        }

        Categories = await queries.CategoryNamesAsync(ct);
        return null;
    }
}
