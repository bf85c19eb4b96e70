using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Pages.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Subscriptions;

/// <summary>The outcome of a request for new articles: what to tell the reader, or why it was refused and for how long.</summary>
public sealed record SubscribeResult(int Status, string? Error, TimeSpan? RetryAfter = null)
{
    public static readonly SubscribeResult Accepted = new(StatusCodes.Status200OK, null);
}

/// <summary>What a confirmed address now gets, for the page that says so; never the address itself.</summary>
public sealed record ConfirmedSubscriptions(ArticleFrequency? Articles, int ReplyThreads);

/// <summary>
/// A reader asking for new articles, and confirming an address. Every request answers the same whatever the address's
/// state, so the form tells no one whether an address is known; an address is confirmed only by its own link.
/// </summary>
public sealed class SubscriptionCommands(
    BlogDbContext db, ReaderAddressGate gate, AddressHasher hasher, TimeProvider clock, IOptions<ReaderMailOptions> options)
{
    /// <summary>
    /// Subscribes <paramref name="typedEmail"/> to new articles at <paramref name="frequency"/>: at once when the address
    /// is confirmed and has no subscription yet, else once it confirms. A confirmed address that is subscribed keeps the
    /// frequency it chose: whoever types an address cannot change what its owner gets (the owner unsubscribes and
    /// subscribes again).
    /// </summary>
    public async Task<SubscribeResult> SubscribeToArticlesAsync(string? typedEmail, ArticleFrequency frequency, string? clientAddress, CancellationToken ct)
    {
        if (EmailAddress.Normalise(typedEmail) is not { } email)
        {
            return new SubscribeResult(StatusCodes.Status422UnprocessableEntity,
                "That doesn't look like an e-mail address we can send to. Check it and try again, e.g. ann@example.com.");
        }

        if (!Enum.IsDefined(frequency))
        {
            return new SubscribeResult(StatusCodes.Status422UnprocessableEntity, "Choose how often: each article, a daily digest or a weekly one.");
        }

        var requester = (await hasher.HashAsync(clientAddress, ct)).Current;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var asked = await gate.AskAsync(email, requester, "new articles by e-mail, " + Describe(frequency), ct);
        if (asked.Address is not { } address)
        {
            return TooMany(asked.RetryAfter);
        }

        if (address.ArticleSubscription is null)
        {
            address.ArticleSubscription = new ArticleSubscription
            {
                Frequency = frequency,
                CreatedAt = now,
                DigestedUntil = address.IsConfirmed ? now : null,
            };
        }
        else if (!address.IsConfirmed)
        {
            address.ArticleSubscription.Frequency = frequency;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return SubscribeResult.Accepted;
    }

    /// <summary>Whether <paramref name="token"/> is a confirmation link that still works, without using it (a mail scanner's GET changes nothing).</summary>
    public async Task<bool> IsConfirmationAsync(string? token, CancellationToken ct) =>
        IsWellFormed(token) && await db.ReaderAddresses.AnyAsync(a => a.Secret == token, ct);

    /// <summary>Confirms the address whose link <paramref name="token"/> is; null when no address has it (expired, removed, mistyped).</summary>
    public async Task<ConfirmedSubscriptions?> ConfirmAsync(string? token, CancellationToken ct)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var address = await db.ReaderAddresses.Include(a => a.ArticleSubscription).SingleOrDefaultAsync(a => a.Secret == token, ct);
        if (address is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        address.Confirm(now);

        // A digest lists what is announced from the confirmation on, not what came before the reader asked.
        if (address.ArticleSubscription is { DigestedUntil: null } articles)
        {
            articles.DigestedUntil = now;
        }

        await db.SaveChangesAsync(ct);
        var threads = await db.ReplySubscriptions.CountAsync(s => s.ReaderAddressId == address.Id, ct);
        return new ConfirmedSubscriptions(address.ArticleSubscription?.Frequency, threads);
    }

    /// <summary>"each article as it is published", "a daily digest", for messages and pages.</summary>
    public static string Describe(ArticleFrequency frequency) => frequency switch
    {
        ArticleFrequency.Daily => "a daily digest",
        ArticleFrequency.Weekly => "a weekly digest",
        _ => "each article as it is published",
    };

    private SubscribeResult TooMany(TimeSpan? wait)
    {
        var limits = options.Value;
        var minutes = Math.Max(1, (int)Math.Ceiling((wait ?? TimeSpan.FromMinutes(limits.RequesterWindowMinutes)).TotalMinutes));
        return new SubscribeResult(StatusCodes.Status429TooManyRequests,
            $"Confirmation messages have been sent to {Plural.Count(limits.ConfirmationsPerRequester, "address", "addresses")} from your network in the last {Plural.Count(limits.RequesterWindowMinutes, "minute", "minutes")}. Please wait {Plural.Count(minutes, "minute", "minutes")}, then try again.",
            wait);
    }

    private static bool IsWellFormed(string? token) =>
        token is { Length: ReaderAddress.SecretLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
