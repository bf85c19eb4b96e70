using BlogSite.Pages.Articles;
using BlogSite.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Pages.Archive;

[ReaderPage]
public sealed class IndexModel(ArticleQueries articles) : PageModel
{
    public IReadOnlyList<ArchiveMonth> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Months = await articles.ArchiveAsync(ct);
}
