using BlogSite.Data;
using BlogSite.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Areas.Admin.Pages.Email;

public sealed record OutboxRow(
    long Id, string Kind, string To, string Subject, OutboxStatus Status, DateTime CreatedAt, int Attempts,
    DateTime NextAttemptAt, DateTime? SentAt, DateTime? FailedAt, string? LastError);

public sealed record OutboxPage(
    IReadOnlyDictionary<OutboxStatus, int> Counts, OutboxStatus? Status, IReadOnlyList<OutboxRow> Items, int PageNumber, int TotalPages);

/// <summary>The outbox as /admin/email shows it, and what an Admin does there: retry a failed message, send a test to themself.</summary>
public sealed class EmailAdmin(BlogDbContext db, EmailComposer composer, OutboxSignal signal, IOptions<EmailOptions> options, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>Past this page a list is not paged further: the newest are what an Admin looks into.</summary>
    public const int MaxPages = 200;

    public async Task<OutboxPage> PageAsync(OutboxStatus? status, int pageNumber, CancellationToken ct)
    {
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var all = Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
        var total = status is { } one ? all[one] : all.Values.Sum();
        var totalPages = Math.Clamp((total + PageSize - 1) / PageSize, 1, MaxPages);
        pageNumber = Math.Clamp(pageNumber, 1, totalPages);
        var messages = db.OutboxMessages.AsNoTracking();
        if (status is { } only)
        {
            messages = messages.Where(m => m.Status == only);
        }

        var items = await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.To, m.Subject, m.Status, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.SentAt, m.FailedAt, m.LastError))
            .ToListAsync(ct);
        return new OutboxPage(all, status, items, pageNumber, totalPages);
    }

    /// <summary>
    /// Queues a failed message again with a fresh set of attempts, now; false when it is not failed (sent, queued,
    /// or retried by another Admin a moment ago). Its key and Message-Id stay, so a receiver can tell it is a resend.
    /// </summary>
    public async Task<bool> RetryAsync(long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var retried = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Queued)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAt, now)
            .SetProperty(m => m.FailedAt, (DateTime?)null), ct);
        if (retried == 1)
        {
            signal.Wake();
        }

        return retried == 1;
    }

    /// <summary>Queues a test message to <paramref name="userId"/>'s own address; the address, or null when the account has none.</summary>
    public async Task<string?> SendTestAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user?.Email is not { } address)
        {
            return null;
        }

        // Each press is its own event: a second test is a second message.
        var key = $"test:{userId}:{Guid.NewGuid():N}";
        var smtp = options.Value.Smtp;
        Outbox.Enqueue(db, composer.Compose(new TestMessageEmail(), new TestMessage(user.DisplayName, $"{smtp.Host}:{smtp.Port}"), key, address));
        await db.SaveChangesAsync(ct);
        return address;
    }
}
