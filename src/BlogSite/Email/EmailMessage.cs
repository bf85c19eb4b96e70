namespace BlogSite.Email;

/// <summary>
/// One message to one person, as a template made it. <paramref name="IdempotencyKey"/> names the event and the
/// recipient (e.g. "comment-held:42:user-7"): the outbox keeps one message per key, however often it is enqueued.
/// <paramref name="UnsubscribeUrl"/> is null for sign-in and account mail, which a person cannot opt out of.
/// </summary>
public sealed record EmailMessage(string Kind, string IdempotencyKey, string To, string Subject, string Text, string Html, string? UnsubscribeUrl);
