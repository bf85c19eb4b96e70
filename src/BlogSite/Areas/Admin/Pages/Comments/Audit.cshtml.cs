using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlogSite.Areas.Admin.Pages.Comments;

/// <summary>Every moderation event, newest first: who did what to which comment, and why.</summary>
public sealed class AuditModel(ModerationQueries queries) : PageModel
{
    public AuditPage Events { get; private set; } = default!;

    public async Task OnGetAsync([FromQuery] int pageNumber = 1, CancellationToken ct = default) =>
        Events = await queries.AuditAsync(pageNumber, ct);
}
