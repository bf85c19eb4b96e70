using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Articles;

/// <summary>The writer's articles (an Admin's: all of them) with status, counts, search and paging.</summary>
public sealed class IndexModel(ArticleEditorQueries queries) : PageModel
{
    public EditorList List { get; private set; } = new([], 1, 1, 0, false);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public EditorStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public bool IsAdmin { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.WriterAsync(User, ct) is not { } writer)
        {
            return Forbid();
        }

        IsAdmin = writer.IsAdmin;
        List = await queries.ListAsync(writer, Q, Status, PageNumber, ct);
        return Page();
    }

    public Dictionary<string, string> RouteValues(int? pageNumber = null)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            values["q"] = Q.Trim();
        }

        if (Status is { } status)
        {
            values["status"] = status.ToString();
        }

        if (pageNumber is > 1)
        {
            values["pageNumber"] = pageNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }
}
