using BlogSite.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Archive;

[ReaderPage]
public sealed class IndexModel(ArchiveQueries archive) : PageModel
{
    public IReadOnlyList<ArchiveYear> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Years = await archive.YearsAsync(ct);
}
