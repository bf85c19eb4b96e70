namespace BlogSite.Email;

/// <summary>
/// What unsubscribing means for one kind of message. An unsubscribe token names a <see cref="Scope"/> and a subject
/// within it (a subscription's id, a user's id); /email/unsubscribe finds the handler by scope and calls it. Each
/// area registers its own: <c>services.AddSingleton&lt;IUnsubscribeHandler, MyHandler&gt;()</c> (singletons; take
/// <see cref="IServiceScopeFactory"/> for the store).
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
