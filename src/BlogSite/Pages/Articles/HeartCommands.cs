using BlogSite.Data;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Articles;

public sealed record HeartState(bool Hearted, long Hearts);

/// <summary>
/// Hearting is idempotent: the reader says whether they heart the article, so a repeated or racing
/// request never counts twice. The heart row and the article's count change in one transaction.
/// </summary>
public sealed class HeartCommands(BlogDbContext db, TimeProvider clock, BlogChanges changes)
{
    /// <summary>The new state, or null when no published article has that slug.</summary>
    public async Task<HeartState?> SetAsync(string slug, string readerKey, bool hearted, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var articleId = await db.Articles.AsNoTracking().PublishedAt(now)
            .Where(a => a.Slug == slug)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (articleId is not { } id)
        {
            return null;
        }

        // Writing first takes SQLite's write lock at once, so concurrent requests queue instead of failing.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var changed = hearted
                ? await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""INSERT INTO "Hearts" ("ArticleId", "ReaderKey", "CreatedAt") VALUES ({id}, {readerKey}, {now}) ON CONFLICT DO NOTHING""", ct)
                : await db.Hearts.Where(h => h.ArticleId == id && h.ReaderKey == readerKey).ExecuteDeleteAsync(ct);
            if (changed == 1)
            {
                var delta = hearted ? 1 : -1;
                await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Hearts, a => a.Hearts + delta), ct);
            }

            await transaction.CommitAsync(ct);
        }

        changes.Raise(new ArticleActivityChanged(slug));
        var hearts = await db.Articles.Where(a => a.Id == id).Select(a => a.Hearts).SingleAsync(ct);
        return new HeartState(hearted, hearts);
    }

    public Task<bool> IsHeartedAsync(int articleId, string readerKey, CancellationToken ct) =>
        db.Hearts.AnyAsync(h => h.ArticleId == articleId && h.ReaderKey == readerKey, ct);
}
