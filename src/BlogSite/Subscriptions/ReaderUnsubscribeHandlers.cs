using System.Globalization;
using BlogSite.Email;

namespace BlogSite.Subscriptions;

/// <summary>The scopes of reader mail's unsubscribe links, and what each stops (see <see cref="SubscriptionRemoval"/>).</summary>
public static class ReaderScopes
{
    /// <summary>A reply subscription's id: replies in that comment's thread.</summary>
    public const string ReplyThread = "reply-thread";

    /// <summary>An address's id: every reply notification to it.</summary>
    public const string Replies = "replies";

    /// <summary>An article subscription's id: new articles, each or in digests.</summary>
    public const string Articles = "articles";

    /// <summary>An unconfirmed address's confirmation secret: forget the address, "it was not me".</summary>
    public const string Address = "reader-address";

    public static string Subject(int id) => id.ToString(CultureInfo.InvariantCulture);

    internal static int? IdOf(string subject) =>
        int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>The handlers /email/unsubscribe finds by scope, in the request's scope.</summary>
internal sealed class ReplyThreadUnsubscribe(SubscriptionRemoval removal) : IUnsubscribeHandler
{
    public string Scope => ReaderScopes.ReplyThread;

    public string Question => "Stop e-mails about replies to this comment?";

    public Task<bool> UnsubscribeAsync(string subject, CancellationToken ct) =>
        ReaderScopes.IdOf(subject) is { } id ? removal.StopThreadAsync(id, ct) : Task.FromResult(false);
}

internal sealed class RepliesUnsubscribe(SubscriptionRemoval removal) : IUnsubscribeHandler
{
    public string Scope => ReaderScopes.Replies;

    public string Question => "Stop all e-mails about replies to your comments?";

    public Task<bool> UnsubscribeAsync(string subject, CancellationToken ct) =>
        ReaderScopes.IdOf(subject) is { } id ? removal.StopRepliesAsync(id, ct) : Task.FromResult(false);
}

internal sealed class ArticlesUnsubscribe(SubscriptionRemoval removal) : IUnsubscribeHandler
{
    public string Scope => ReaderScopes.Articles;

    public string Question => "Stop e-mails about new articles?";

    public Task<bool> UnsubscribeAsync(string subject, CancellationToken ct) =>
        ReaderScopes.IdOf(subject) is { } id ? removal.StopArticlesAsync(id, ct) : Task.FromResult(false);
}

internal sealed class AddressUnsubscribe(SubscriptionRemoval removal) : IUnsubscribeHandler
{
    public string Scope => ReaderScopes.Address;

    public string Question => "Forget this address? Nothing more will be sent to it.";

    public Task<bool> UnsubscribeAsync(string subject, CancellationToken ct) => removal.ForgetAsync(subject, ct);
}
