using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Subscriptions;

/// <summary>
/// Announces each article once, when readers can first see it: published now, or scheduled and come due, which no
/// request marks, so it is found by looking. The <see cref="ArticleAnnouncement"/> row is made in the transaction that
/// queues the first batch of messages, and each later batch moves its place on in the same transaction as its
/// messages, so neither a restart nor a second instance announces an article twice. Subscribers to digests hear of
/// it in their digest (<see cref="DigestSender"/>), which lists the articles announced in its period.
/// </summary>
public sealed class ArticleAnnouncer(
    BlogDbContext db,
    EmailComposer composer,
    EmailLinks links,
    TimeProvider clock,
    IOptions<ReaderMailOptions> options)
{
    private static readonly NewArticleTemplate Template = new();

    /// <summary>Queues one batch: of an announcement under way, else of the next article to announce. Returns the messages queued and announcements moved on.</summary>
    public async Task<int> RunBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.ArticleAnnouncements.AsNoTracking()
            .Where(a => a.CompletedAt == null)
            .OrderBy(a => a.AnnouncedAt)
            .Select(a => new { a.ArticleId, a.SentThrough })
            .FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            return await SendBatchAsync(open.ArticleId, open.SentThrough, isNew: false, now, ct);
        }

        // Recent articles only: one imported, back-dated, or visible since before subscriptions began is not news.
        var since = now.AddDays(-options.Value.AnnounceWithinDays);
        var next = await db.Articles.AsNoTracking().PublishedAt(now)
            .Where(a => a.PublishedAt > since && !db.ArticleAnnouncements.Any(x => x.ArticleId == a.Id))
            .OrderBy(a => a.PublishedAt)
            .Select(a => (int?)a.Id)
            .FirstOrDefaultAsync(ct);
        return next is { } articleId ? await SendBatchAsync(articleId, 0, isNew: true, now, ct) : 0;
    }

    private async Task<int> SendBatchAsync(int articleId, int sentThrough, bool isNew, DateTime now, CancellationToken ct)
    {
        var batchSize = options.Value.BatchSize;

        // An article taken down while it was being announced is announced no further.
        var article = await db.Articles.AsNoTracking().PublishedAt(now).Where(a => a.Id == articleId)
            .Select(a => new { a.Slug, a.Title, a.Summary, a.AuthorName })
            .FirstOrDefaultAsync(ct);
        var subscribers = article is null ? [] : await db.ArticleSubscriptions.AsNoTracking()
            .Where(s => s.Frequency == ArticleFrequency.EachArticle && s.ReaderAddressId > sentThrough && s.ReaderAddress!.ConfirmedAt != null)
            .OrderBy(s => s.ReaderAddressId)
            .Take(batchSize)
            .Select(s => new { s.Id, s.ReaderAddressId, s.ReaderAddress!.Email })
            .ToListAsync(ct);
        var through = subscribers.Count > 0 ? subscribers[^1].ReaderAddressId : sentThrough;
        DateTime? completed = subscribers.Count < batchSize ? now : null;

        // Writing first takes SQLite's write lock at once. The row, or its move from where this batch found it, is the
        // claim: an instance that lost the race to another changes nothing and queues nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = isNew
            ? await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "ArticleAnnouncements" ("ArticleId", "AnnouncedAt", "SentThrough", "CompletedAt") VALUES ({articleId}, {now}, {through}, {completed}) ON CONFLICT ("ArticleId") DO NOTHING""", ct)
            : await db.ArticleAnnouncements.Where(a => a.ArticleId == articleId && a.SentThrough == sentThrough && a.CompletedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.SentThrough, through).SetProperty(a => a.CompletedAt, completed), ct);
        if (claimed == 0)
        {
            return 0;
        }

        if (article is not null)
        {
            var model = new AnnouncedArticle(article.Title, article.Summary, article.AuthorName, links.Page("/Articles/Details", new { slug = article.Slug }));
            foreach (var subscriber in subscribers)
            {
                Outbox.Enqueue(db, composer.Compose(Template, model, $"new-article:{articleId}:{subscriber.ReaderAddressId}", subscriber.Email,
                    links.Unsubscribe(ReaderScopes.Articles, ReaderScopes.Subject(subscriber.Id))));
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return subscribers.Count + 1;
    }
}
