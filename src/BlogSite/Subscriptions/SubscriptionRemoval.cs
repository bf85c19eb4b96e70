using BlogSite.Data;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Subscriptions;

/// <summary>
/// Unsubscribing, by a message's link or by an Admin. An address is kept only for what it asked for, so it goes with
/// its last subscription, in the same transaction. Each removal is idempotent: a link followed twice finds nothing
/// the second time and says so.
/// </summary>
public sealed class SubscriptionRemoval(BlogDbContext db)
{
    /// <summary>Stops replies in the thread of reply subscription <paramref name="subscriptionId"/>, for every comment its address has there.</summary>
    public async Task<bool> StopThreadAsync(int subscriptionId, CancellationToken ct)
    {
        var subscription = await db.ReplySubscriptions.AsNoTracking()
            .Where(s => s.Id == subscriptionId)
            .Select(s => new { s.ReaderAddressId, Thread = s.Comment!.ParentId ?? s.CommentId })
            .FirstOrDefaultAsync(ct);
        if (subscription is null)
        {
            return false;
        }

        return await RemoveAsync(subscription.ReaderAddressId, () => db.ReplySubscriptions
            .Where(s => s.ReaderAddressId == subscription.ReaderAddressId && (s.CommentId == subscription.Thread || s.Comment!.ParentId == subscription.Thread))
            .ExecuteDeleteAsync(ct), ct);
    }

    /// <summary>Stops every reply notification to address <paramref name="addressId"/>.</summary>
    public Task<bool> StopRepliesAsync(int addressId, CancellationToken ct) =>
        RemoveAsync(addressId, () => db.ReplySubscriptions.Where(s => s.ReaderAddressId == addressId).ExecuteDeleteAsync(ct), ct);

    /// <summary>Stops new-article mail (each article or digests) of subscription <paramref name="subscriptionId"/>.</summary>
    public async Task<bool> StopArticlesAsync(int subscriptionId, CancellationToken ct)
    {
        var addressId = await db.ArticleSubscriptions.Where(s => s.Id == subscriptionId).Select(s => (int?)s.ReaderAddressId).FirstOrDefaultAsync(ct);
        return addressId is { } id
            && await RemoveAsync(id, () => db.ArticleSubscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(ct), ct);
    }

    /// <summary>Forgets the address whose confirmation link is <paramref name="secret"/>, with all it asked for: "it was not me".</summary>
    public async Task<bool> ForgetAsync(string secret, CancellationToken ct) =>
        await db.ReaderAddresses.Where(a => a.Secret == secret).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Removes address <paramref name="addressId"/> and its subscriptions (the Admins' remove).</summary>
    public async Task<bool> RemoveAddressAsync(int addressId, CancellationToken ct) =>
        await db.ReaderAddresses.Where(a => a.Id == addressId).ExecuteDeleteAsync(ct) > 0;

    // Subscriptions go by the store's cascade when an address is deleted; the address goes here when its last one does.
    private async Task<bool> RemoveAsync(int addressId, Func<Task<int>> delete, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await delete();
        await db.ReaderAddresses
            .Where(a => a.Id == addressId && !db.ReplySubscriptions.Any(s => s.ReaderAddressId == a.Id) && !db.ArticleSubscriptions.Any(s => s.ReaderAddressId == a.Id))
            .ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return removed > 0;
    }
}
