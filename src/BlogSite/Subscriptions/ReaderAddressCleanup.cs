using BlogSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Subscriptions;

/// <summary>
/// Forgets addresses that are kept for nothing: never confirmed within <see cref="ReaderMailOptions.UnconfirmedDays"/>
/// of their last confirmation, or left without a subscription (their comments went with a deleted article).
/// </summary>
public sealed class ReaderAddressCleanup(BlogDbContext db, TimeProvider clock, IOptions<ReaderMailOptions> options)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.UnconfirmedDays);
        var unconfirmed = await db.ReaderAddresses
            .Where(a => a.ConfirmedAt == null && (a.ConfirmationSentAt ?? a.CreatedAt) < cutoff)
            .ExecuteDeleteAsync(ct);

        // An hour's grace: an address is stored with its subscription in one transaction, so none is ever caught between.
        var idle = now.AddHours(-1);
        var unused = await db.ReaderAddresses
            .Where(a => a.CreatedAt < idle && !db.ReplySubscriptions.Any(s => s.ReaderAddressId == a.Id) && !db.ArticleSubscriptions.Any(s => s.ReaderAddressId == a.Id))
            .ExecuteDeleteAsync(ct);
        return unconfirmed + unused;
    }
}
