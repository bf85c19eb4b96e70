using BlogSite.Data;

namespace BlogSite.Email;

/// <summary>Where every e-mail starts: a row stored by the caller's own SaveChanges, so a message exists if and only if its cause does.</summary>
public static class Outbox
{
    /// <summary>
    /// Adds <paramref name="message"/> to <paramref name="db"/>, to be stored by the caller's SaveChanges (inside the
    /// caller's transaction when there is one). A message whose key is already tracked or stored is left out, so a
    /// repeated or replayed command enqueues nothing twice. The check cannot race: a key names one event for one
    /// person, and an event is made by the one transaction that changes the row it is about (a comment's status, a
    /// report's insert), which the store lets happen once; the unique index on the key is the last word. Times are
    /// stamped by <see cref="OutboxInterceptor"/> from the site's clock when the row is saved.
    /// </summary>
    public static void Enqueue(BlogDbContext db, EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        var key = message.IdempotencyKey;
        if (key.Length is 0 or > OutboxMessage.MaxKeyLength)
        {
            throw new ArgumentException($"An idempotency key has 1 to {OutboxMessage.MaxKeyLength} characters; '{key}' has {key.Length}.", nameof(message));
        }

        if (db.OutboxMessages.Local.Any(m => m.IdempotencyKey == key) || db.OutboxMessages.Any(m => m.IdempotencyKey == key))
        {
            return;
        }

        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = message.Kind,
            IdempotencyKey = key,
            To = message.To,
            Subject = Shorten(message.Subject, OutboxMessage.MaxSubjectLength),
            Text = message.Text,
            Html = message.Html,
            UnsubscribeUrl = message.UnsubscribeUrl,
            Status = OutboxStatus.Queued,
        });
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
