using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Email;
using BlogSite.Pages.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Subscriptions;

/// <summary>
/// Tells a thread's reply subscribers of a reply when it is published: posted as published, or approved (or restored)
/// by a moderator later. It listens to the comment commands' events, inside their transaction, so the messages are
/// stored with the change or not at all, and no path that publishes a comment can forget them. A reply is told of
/// once: its <see cref="Comment.SubscribersNotifiedAt"/> is set in the same transaction, and a reply hidden and
/// restored is not told of again.
/// </summary>
public sealed class ReplyNotifier(
    CommentRenderer renderer,
    EmailComposer composer,
    EmailLinks links,
    TimeProvider clock,
    IOptions<EmailOptions> email) : ICommentListener
{
    private static readonly ReplyTemplate Template = new();

    public async Task OnCommentAsync(BlogDbContext db, CommentEvent comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var published = comment is CommentPosted { Status: CommentStatus.Published } or CommentModerated { To: CommentStatus.Published };
        if (!published || !email.Value.IsEnabled)
        {
            return;
        }

        var reply = await db.Comments.AsNoTracking()
            .Where(c => c.Id == comment.CommentId && c.ParentId != null && c.SubscribersNotifiedAt == null)
            .Select(c => new Reply(c.Id, c.ParentId!.Value, c.AuthorName, c.Email, c.ReaderKey, c.Body, c.Article!.Slug, c.Article.Title))
            .FirstOrDefaultAsync(ct);
        if (reply is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Comments.Where(c => c.Id == reply.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SubscribersNotifiedAt, now), ct);
        foreach (var subscriber in RecipientsOf(reply, await SubscribersAsync(db, reply.Thread, ct)))
        {
            Outbox.Enqueue(db, Message(reply, subscriber));
        }
    }

    /// <summary>
    /// Whom a reply is for: the confirmed subscribers of its thread whose own comment came before it and is published,
    /// one message an address, never to the reply's own author (the same address, or the same reader key).
    /// </summary>
    private static IEnumerable<Subscriber> RecipientsOf(Reply reply, List<Subscriber> subscribers)
    {
        var ownAddress = EmailAddress.Normalise(reply.Email);
        return subscribers
            .Where(s => s.CommentId < reply.Id)
            .Where(s => s.Email != ownAddress && (reply.ReaderKey is null || s.ReaderKey != reply.ReaderKey))
            .GroupBy(s => s.AddressId)
            .Select(g => g.MinBy(s => s.CommentId)!);
    }

    /// <summary>The confirmed subscribers of <paramref name="thread"/>: by its first comment, and by its replies.</summary>
    private static async Task<List<Subscriber>> SubscribersAsync(BlogDbContext db, int thread, CancellationToken ct)
    {
        var subscriptions = db.ReplySubscriptions.AsNoTracking()
            .Where(s => s.ReaderAddress!.ConfirmedAt != null && s.Comment!.Status == CommentStatus.Published);
        var onFirst = await subscriptions.Where(s => s.CommentId == thread)
            .Select(s => new Subscriber(s.Id, s.ReaderAddressId, s.ReaderAddress!.Email, s.CommentId, s.Comment!.ReaderKey))
            .ToListAsync(ct);
        var onReplies = await subscriptions.Where(s => s.Comment!.ParentId == thread)
            .Select(s => new Subscriber(s.Id, s.ReaderAddressId, s.ReaderAddress!.Email, s.CommentId, s.Comment!.ReaderKey))
            .ToListAsync(ct);
        return [.. onFirst, .. onReplies];
    }

    private EmailMessage Message(Reply reply, Subscriber subscriber)
    {
        // The comment pipeline, as the article page renders the reply: its Markdown rules and its sanitizer.
        var html = renderer.Render(reply.Body);
        var model = new ReplyModel(reply.ArticleTitle, reply.AuthorName, reply.Body, html, links.Page("/Articles/Details", new { slug = reply.Slug, comment = reply.Id }),
            links.Unsubscribe(ReaderScopes.ReplyThread, ReaderScopes.Subject(subscriber.SubscriptionId)));
        return composer.Compose(Template, model, $"reply:{reply.Id}:{subscriber.AddressId}", subscriber.Email,
            links.Unsubscribe(ReaderScopes.Replies, ReaderScopes.Subject(subscriber.AddressId)));
    }

    private sealed record Reply(int Id, int Thread, string AuthorName, string? Email, string? ReaderKey, string Body, string Slug, string ArticleTitle);

    private sealed record Subscriber(int SubscriptionId, int AddressId, string Email, int CommentId, string? ReaderKey);
}
