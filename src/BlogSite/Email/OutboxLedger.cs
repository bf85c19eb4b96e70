using BlogSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Email;

/// <summary>
/// The worker's writes to the outbox. Every change of a message's state is one UPDATE conditioned on the state it
/// leaves, so two workers on one store (two instances on PostgreSQL) can never both own a message: a claim takes
/// a queued, due row and stamps it with the claim's token; an outcome is recorded only while the token is still on it.
/// </summary>
public sealed class OutboxLedger(BlogDbContext db, IOptions<EmailOptions> options)
{
    public const string UnknownOutcome =
        "The site stopped while sending this (a crash, a kill, or a send that outlasted its lease), so whether it arrived is unknown. "
        + "It is not sent again by itself, to never send it twice; retry it if the recipient did not get it.";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);

    /// <summary>Whether a message is due now: read before opening a connection for nothing.</summary>
    public Task<bool> AnyDueAsync(DateTime now, CancellationToken ct) =>
        db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now, ct);

    /// <summary>
    /// Claims the message due first, if any, for <paramref name="token"/> until <paramref name="until"/>; the claim
    /// counts as an attempt. The status is tested in the outer WHERE as well as in the subquery: on PostgreSQL a
    /// second UPDATE that waited for the first's row lock re-tests only that, and finds the row taken.
    /// </summary>
    public async Task<OutboxMessage?> ClaimNextAsync(string token, DateTime now, DateTime until, CancellationToken ct)
    {
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "OutboxMessages"
            SET "Status" = {(int)OutboxStatus.Sending}, "ClaimToken" = {token}, "ClaimedUntil" = {until}, "Attempts" = "Attempts" + 1
            WHERE "Status" = {(int)OutboxStatus.Queued} AND "NextAttemptAt" <= {now} AND "Id" = (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "Status" = {(int)OutboxStatus.Queued} AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt", "Id"
                LIMIT 1)
            """, ct);
        return claimed == 0 ? null : await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.ClaimToken == token, ct);
    }

    /// <summary>
    /// Claims whose lease ran out with no outcome recorded: the worker that held them stopped mid-send, and the
    /// server may or may not have taken the message. They are marked failed, never sent again by themselves.
    /// </summary>
    public Task<int> GiveUpAbandonedAsync(DateTime now, CancellationToken ct) =>
        db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending && m.ClaimedUntil < now).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Failed)
            .SetProperty(m => m.FailedAt, now)
            .SetProperty(m => m.LastError, UnknownOutcome)
            .SetProperty(m => m.ClaimToken, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);

    /// <summary>Records what became of a claimed message; false when the claim was no longer this worker's.</summary>
    public async Task<bool> RecordAsync(OutboxMessage message, string token, SendResult result, DateTime now)
    {
        // Recorded whatever is stopping the host: the server's answer is in, and forgetting it would send twice.
        var ct = CancellationToken.None;
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Sending && m.ClaimToken == token);
        var error = Shorten(result.Error);
        int changed;
        if (result.Outcome == SendOutcome.Sent)
        {
            changed = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
        }
        else if (result.Outcome == SendOutcome.Unknown || result.Permanent || message.Attempts >= options.Value.MaxAttempts)
        {
            changed = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.FailedAt, now)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
        }
        else
        {
            var next = now + RetryDelay(message.Attempts);
            changed = await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Queued)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
        }

        return changed == 1;
    }

    /// <summary>The wait after the <paramref name="attempts"/>th attempt failed: a minute, doubling each time (1, 2, 4 ... minutes).</summary>
    public static TimeSpan RetryDelay(int attempts) => FirstRetry * Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));

    private static string? Shorten(string? error) =>
        error is null || error.Length <= OutboxMessage.MaxErrorLength ? error : error[..(OutboxMessage.MaxErrorLength - 1)] + "…";
}
