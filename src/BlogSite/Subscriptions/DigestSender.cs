using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Subscriptions;

/// <summary>
/// Daily and weekly digests: at each digest time, every subscriber of that frequency whose last digest is older gets
/// the articles announced since it, or nothing when there were none. A subscriber's <see cref="ArticleSubscription.DigestedUntil"/>
/// moves to the digest time in the transaction that queues the digest, so each digest goes once.
/// </summary>
public sealed class DigestSender(
    BlogDbContext db,
    EmailComposer composer,
    EmailLinks links,
    TimeProvider clock,
    IOptions<ReaderMailOptions> options)
{
    private static readonly DigestTemplate Template = new();

    /// <summary>Sends one batch of the <paramref name="frequency"/> digest now due; returns how many subscribers it took.</summary>
    public async Task<int> RunBatchAsync(ArticleFrequency frequency, CancellationToken ct)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (new DigestSchedule(limits.DigestHourUtc, limits.WeeklyDigestDay).LatestAt(frequency, now) is not { } due)
        {
            return 0;
        }

        var subscribers = await db.ArticleSubscriptions.AsNoTracking()
            .Where(s => s.Frequency == frequency && s.DigestedUntil < due && s.ReaderAddress!.ConfirmedAt != null)
            // In the index's order (frequency, last digest), so a batch of a long list is read, not sorted.
            .OrderBy(s => s.DigestedUntil)
            .Take(limits.BatchSize)
            .Select(s => new { s.Id, s.ReaderAddressId, s.ReaderAddress!.Email, DigestedUntil = s.DigestedUntil!.Value })
            .ToListAsync(ct);
        if (subscribers.Count == 0)
        {
            return 0;
        }

        // A site down for a while sends one digest for what it missed, bounded to two periods.
        var earliest = due - TimeSpan.FromDays(frequency == ArticleFrequency.Weekly ? 14 : 2);
        var from = subscribers.Min(s => s.DigestedUntil) is var first && first > earliest ? first : earliest;
        var announced = await db.ArticleAnnouncements.AsNoTracking()
            .Where(a => a.AnnouncedAt > from && a.AnnouncedAt <= due)
            .Join(db.Articles.PublishedAt(now), a => a.ArticleId, article => article.Id,
                (a, article) => new { a.AnnouncedAt, article.Slug, article.Title, article.Summary, article.AuthorName })
            .OrderBy(a => a.AnnouncedAt)
            .ToListAsync(ct);

        var ids = subscribers.Select(s => s.Id).ToList();
        // Writing first takes SQLite's write lock at once. A subscriber another pass moved on meanwhile leaves this
        // batch to the next pass, which reads what is left.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = await db.ArticleSubscriptions.Where(s => ids.Contains(s.Id) && s.DigestedUntil < due)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestedUntil, due), ct);
        if (moved != ids.Count)
        {
            return 0;
        }

        foreach (var subscriber in subscribers)
        {
            var since = subscriber.DigestedUntil > earliest ? subscriber.DigestedUntil : earliest;
            var articles = announced.Where(a => a.AnnouncedAt > since).ToList();
            if (articles.Count == 0)
            {
                continue;
            }

            var listed = articles.Take(limits.MaxArticlesPerDigest)
                .Select(a => new AnnouncedArticle(a.Title, a.Summary, a.AuthorName, links.Page("/Articles/Details", new { slug = a.Slug }))).ToList();
            var model = new DigestModel(frequency, listed, articles.Count - listed.Count, links.Page("/Index"));
            Outbox.Enqueue(db, composer.Compose(Template, model, $"digest:{frequency}:{due:yyyyMMddHH}:{subscriber.ReaderAddressId}".ToLowerInvariant(),
                subscriber.Email, links.Unsubscribe(ReaderScopes.Articles, ReaderScopes.Subject(subscriber.Id))));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return subscribers.Count;
    }
}
