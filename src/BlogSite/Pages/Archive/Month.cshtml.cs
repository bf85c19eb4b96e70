using BlogSite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Archive;

[ReaderPage("pageNumber")]
public sealed class MonthModel(ArchiveQueries archive) : PageModel
{
    public ArchiveMonthPage Articles { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync([FromRoute] int year, [FromRoute] int month, [ReaderQuery] int pageNumber = 1, CancellationToken ct = default)
    {
        if (!ModelState.IsValid || await archive.MonthAsync(new DateOnly(year, month, 1), pageNumber, ct) is not { } articles)
        {
            return NotFound();
        }

        Articles = articles;
        return Page();
    }
}
