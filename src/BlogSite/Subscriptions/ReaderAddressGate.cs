using System.Security.Cryptography;
using System.Text;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Subscriptions;

/// <summary>What asking for mail at an address came to.</summary>
public enum AskOutcome
{
    /// <summary>The address is confirmed: what was asked for starts at once.</summary>
    Confirmed,

    /// <summary>A confirmation is queued; what was asked for waits for it.</summary>
    ConfirmationSent,

    /// <summary>A confirmation went out within the window: none now, what was asked for waits for the one sent.</summary>
    ConfirmationPending,

    /// <summary>The client has caused its share of confirmations this window: nothing may be stored.</summary>
    TooManyConfirmations,
}

/// <summary>The address, tracked for the caller to attach a subscription to, or the wait when it was refused.</summary>
public sealed record AskResult(ReaderAddress? Address, AskOutcome Outcome, TimeSpan? RetryAfter = null);

/// <summary>
/// The one way an address comes to be asked for mail: anyone can type any address, so an address that is not
/// confirmed gets a confirmation and nothing else, at most one a window however often it is typed, and one client
/// can cause only so many confirmations a window however many addresses it types.
/// </summary>
public sealed class ReaderAddressGate(
    BlogDbContext db,
    TimeProvider clock,
    IOptions<ReaderMailOptions> options,
    EmailComposer composer,
    EmailLinks links)
{
    private static readonly ConfirmationTemplate Template = new();

    /// <summary>
    /// Finds or adds the address <paramref name="email"/> (normalised) and queues its confirmation when one may go, on
    /// behalf of <paramref name="requester"/> (a salted hash of the client's address). Must run in the caller's
    /// transaction, which it writes to first: the caller adds what was asked for, saves and commits, or rolls all of it
    /// back when the outcome is <see cref="AskOutcome.TooManyConfirmations"/>. <paramref name="asked"/> ends "asked for …"
    /// in the confirmation.
    /// </summary>
    public async Task<AskResult> AskAsync(string email, string requester, string asked, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An address is asked for in the caller's transaction, so that it is stored with what was asked, or not at all.");
        }

        var limits = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;

        // Writing first takes SQLite's write lock at once; on PostgreSQL a racing request waits here for the first to
        // commit and then finds its row. Either way one address is one row.
        var secret = NewSecret();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "ReaderAddresses" ("Email", "Secret", "CreatedAt") VALUES ({email}, {secret}, {now}) ON CONFLICT ("Email") DO NOTHING""", ct);
        var address = await db.ReaderAddresses.Include(a => a.ArticleSubscription).SingleAsync(a => a.Email == email, ct);
        if (address.IsConfirmed)
        {
            return new AskResult(address, AskOutcome.Confirmed);
        }

        var window = TimeSpan.FromHours(limits.ConfirmationWindowHours);
        if (!address.MaySendConfirmation(now, window))
        {
            return new AskResult(address, AskOutcome.ConfirmationPending);
        }

        if (await WaitForRequesterAsync(requester, now, ct) is { } wait)
        {
            return new AskResult(null, AskOutcome.TooManyConfirmations, wait);
        }

        // Claimed by a conditional update: of two requests that both found the window open, one sends.
        var sentBefore = address.ConfirmationSentAt;
        var claimed = await db.ReaderAddresses
            .Where(a => a.Id == address.Id && a.ConfirmedAt == null && a.ConfirmationSentAt == sentBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ConfirmationSentAt, now).SetProperty(a => a.ConfirmationRequestedBy, requester), ct);
        if (claimed == 0)
        {
            return new AskResult(address, AskOutcome.ConfirmationPending);
        }

        await db.Entry(address).ReloadAsync(ct);
        var model = new ConfirmationModel(asked, links.Page("/Email/Confirm", new { token = address.Secret }), limits.UnconfirmedDays);
        Outbox.Enqueue(db, composer.Compose(Template, model, ConfirmationKey(address.Email, now), address.Email,
            links.Unsubscribe(ReaderScopes.Address, address.Secret)));
        return new AskResult(address, AskOutcome.ConfirmationSent);
    }

    /// <summary>How long <paramref name="requester"/> must wait before causing another confirmation; null when it may.</summary>
    private async Task<TimeSpan?> WaitForRequesterAsync(string requester, DateTime now, CancellationToken ct)
    {
        var limits = options.Value;
        var window = TimeSpan.FromMinutes(limits.RequesterWindowMinutes);
        var since = now - window;
        var oldestCounted = await db.ReaderAddresses
            .Where(a => a.ConfirmationRequestedBy == requester && a.ConfirmationSentAt > since)
            .OrderByDescending(a => a.ConfirmationSentAt)
            .Skip(limits.ConfirmationsPerRequester - 1)
            .Select(a => a.ConfirmationSentAt)
            .FirstOrDefaultAsync(ct);
        return oldestCounted is { } at ? at + window - now : null;
    }

    // One key per address per sending: the address is hashed so that the outbox's key list names no one.
    private static string ConfirmationKey(string email, DateTime at) =>
        $"reader-confirm:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)))[..24]}:{at.Ticks}";

    private static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ReaderAddress.SecretLength * 3 / 4));
}
