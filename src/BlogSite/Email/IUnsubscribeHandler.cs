namespace BlogSite.Email;

/// <summary>
/// What unsubscribing means for one kind of message. An unsubscribe token names a <see cref="Scope"/> and a subject
/// within it (a subscription's id, a user's id); /email/unsubscribe finds the handler by scope and calls it. Each
/// area registers its own, resolved in the request's scope: <c>services.AddScoped&lt;IUnsubscribeHandler, MyHandler&gt;()</c>
/// (a handler may take <see cref="Data.BlogDbContext"/>). Links are made by <see cref="EmailLinks.Unsubscribe"/>.
/// </summary>
public interface IUnsubscribeHandler
{
    /// <summary>The token's scope, e.g. "staff-comments"; letters, digits and '-' only.</summary>
    string Scope { get; }

    /// <summary>What the confirmation page asks, e.g. "Stop e-mails about new comments on your articles?".</summary>
    string Question { get; }

    /// <summary>
    /// Stops the messages for <paramref name="subject"/>; idempotent, as a link may be used twice. Returns false when
    /// the subject no longer exists (the page then says there is nothing left to unsubscribe from).
    /// </summary>
    Task<bool> UnsubscribeAsync(string subject, CancellationToken ct);
}
