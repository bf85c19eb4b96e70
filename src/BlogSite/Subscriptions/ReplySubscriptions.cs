using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Email;
using Microsoft.Extensions.Options;

namespace BlogSite.Subscriptions;

/// <summary>"E-mail me when someone replies" as the comment form offers it: while the site sends e-mail, and only with an address.</summary>
public sealed class ReplySubscriptions(BlogDbContext db, ReaderAddressGate gate, TimeProvider clock, IOptions<EmailOptions> email, IOptions<ReaderMailOptions> options)
{
    /// <summary>Whether the form offers the choice; a post that makes it anyway while e-mail is off is taken as not making it.</summary>
    public bool Offered => email.Value.IsEnabled;

    /// <summary>The address to subscribe for a comment's poster, or the message for the form's e-mail field.</summary>
    public static (string? Address, string? Error) Check(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return (null, "Give your e-mail address to hear of replies, or untick “E-mail me when someone replies”.");
        }

        return EmailAddress.Normalise(typed) is { } address
            ? (address, null)
            : (null, "That doesn't look like an e-mail address we can send to. Check it, or untick “E-mail me when someone replies”.");
    }

    /// <summary>
    /// Subscribes <paramref name="address"/> to replies in <paramref name="comment"/>'s thread, to be stored by the caller's
    /// SaveChanges in the caller's transaction (see <see cref="ReaderAddressGate.AskAsync"/>). Null when it is added; the
    /// message and wait when the poster's network has caused its share of confirmations, and nothing may be stored.
    /// </summary>
    public async Task<(string Message, TimeSpan Wait)?> AddAsync(Comment comment, string address, string requester, string articleTitle, CancellationToken ct)
    {
        var asked = await gate.AskAsync(address, requester, $"replies to your comment on “{articleTitle}”", ct);
        if (asked.Address is not { } reader)
        {
            var limits = options.Value;
            var wait = asked.RetryAfter ?? TimeSpan.FromMinutes(limits.RequesterWindowMinutes);
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            return ($"Confirmation messages have been sent to {Plural.Count(limits.ConfirmationsPerRequester, "address", "addresses")} from your network in the last {Plural.Count(limits.RequesterWindowMinutes, "minute", "minutes")}. Untick “E-mail me when someone replies” to post now, or wait {Plural.Count(minutes, "minute", "minutes")}.", wait);
        }

        db.ReplySubscriptions.Add(new ReplySubscription { ReaderAddress = reader, Comment = comment, CreatedAt = clock.GetUtcNow().UtcDateTime });
        return null;
    }
}
