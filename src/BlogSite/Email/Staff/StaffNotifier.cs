using BlogSite.Areas.Admin.Pages.Comments;
using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Pages.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Email.Staff;

/// <summary>
/// Tells staff what they asked to hear of, in the transaction of the comment that caused it: an article's author of
/// each new published comment on it (at posting, or when a moderator approves a held one), moderators and admins
/// of a comment held for review or reported for the first time. Each message's key names the event and the person,
/// so a repeated event (a comment approved, hidden, approved again) never mails anyone twice.
/// </summary>
public sealed class StaffNotifier(
    IOptions<EmailOptions> options,
    EmailComposer composer,
    EmailLinks links,
    ModerationLinks moderation,
    CommentRenderer renderer,
    TimeProvider clock) : ICommentListener
{
    /// <summary>The most moderators one event mails; a blog with more has them choose who is told.</summary>
    public const int MaxModerators = 50;

    private static readonly ModerationAction[] OfferedActions = [ModerationAction.Approve, ModerationAction.Hide, ModerationAction.MarkSpam];

    public async Task OnCommentAsync(BlogDbContext db, CommentEvent comment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!options.Value.IsEnabled)
        {
            return;
        }

        switch (comment)
        {
            case CommentPosted { Status: CommentStatus.Published } posted:
                await TellAuthorAsync(db, posted.CommentId, null, ct);
                break;
            case CommentPosted { Status: CommentStatus.Pending } held:
                await TellModeratorsAsync(db, held.CommentId, held: true, ct);
                break;
            case CommentReported reported:
                await TellModeratorsAsync(db, reported.CommentId, reported.Held, ct);
                break;
            case CommentModerated { From: CommentStatus.Pending, To: CommentStatus.Published } approved:
                await TellAuthorAsync(db, approved.CommentId, approved.ActorId, ct);
                break;
        }
    }

    private async Task TellAuthorAsync(BlogDbContext db, int commentId, string? actorId, CancellationToken ct)
    {
        var facts = await FactsAsync(db, commentId, ct);
        if (facts?.ArticleAuthorId is not { } authorId || authorId == actorId || facts.ReaderKey == "u:" + authorId)
        {
            // No account wrote the article, or its author approved or wrote the comment themself.
            return;
        }

        var author = await Staff(db, [Roles.Admin, Roles.Author]).Where(u => u.Id == authorId && u.NotifyOfComments)
            .Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
        if (author is null)
        {
            return;
        }

        var url = links.Page("/Articles/Details", new { slug = facts.ArticleSlug, comment = commentId }, $"comment-{commentId}");
        var quoted = await QuoteAsync(facts, ct);
        Outbox.Enqueue(db, composer.Compose(new NewCommentEmail(), new NewComment(quoted, url),
            $"comment-new:{commentId}:{author.Id}", author.Email!, links.Unsubscribe(StaffScopes.Comments, author.Id)));
    }

    private async Task TellModeratorsAsync(BlogDbContext db, int commentId, bool held, CancellationToken ct)
    {
        var facts = await FactsAsync(db, commentId, ct);
        if (facts is null)
        {
            return;
        }

        var moderators = await Staff(db, [Roles.Admin, Roles.Moderator]).Where(u => u.NotifyOfModeration)
            .OrderBy(u => u.Id).Take(MaxModerators)
            .Select(u => new { u.Id, u.Email, u.SecurityStamp }).ToListAsync(ct);
        if (moderators.Count == 0)
        {
            return;
        }

        // The links expect the comment's history as it is with this event in it; any later moderation ends them.
        var lastEventId = await ModerationCommands.LastEventIdAsync(db, commentId, ct);
        var quoted = await QuoteAsync(facts, ct);
        var hours = options.Value.ModerationLinkHours;
        var expires = clock.GetUtcNow().UtcDateTime.AddHours(hours);
        var queue = links.Page("/Comments/Details", new { area = "Admin", id = commentId });
        var template = held ? ModerationNeededEmail.Held : ModerationNeededEmail.Reported;
        var reason = held ? facts.HeldReason ?? "A moderator's approval is needed" : $"Reports so far: {facts.Reports}";
        foreach (var moderator in moderators)
        {
            var actions = Comment.MovesFrom(facts.Status).Intersect(OfferedActions).Select(action => new ActionLink(
                ModerationRules.Label(action),
                links.Page("/Email/Moderate", new
                {
                    token = moderation.Create(new ModerationLink(commentId, action, moderator.Id, ModerationLink.HashOf(moderator.SecurityStamp), lastEventId, expires)),
                }))).ToList();
            var key = held ? $"comment-held:{commentId}:{lastEventId}:{moderator.Id}" : $"comment-reported:{commentId}:{moderator.Id}";
            Outbox.Enqueue(db, composer.Compose(template, new ModerationNeeded(quoted, held, reason, actions, queue, hours),
                key, moderator.Email!, links.Unsubscribe(StaffScopes.Moderation, moderator.Id)));
        }
    }

    /// <summary>Staff who can be mailed: not disabled, with an address, in one of <paramref name="roles"/>.</summary>
    private static IQueryable<BlogUser> Staff(BlogDbContext db, string[] roles)
    {
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        return db.Users.Where(u => u.DisabledAt == null && u.Email != null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
    }

    private static Task<CommentFacts?> FactsAsync(BlogDbContext db, int commentId, CancellationToken ct) =>
        db.Comments.AsNoTracking().Where(c => c.Id == commentId).Select(c => new CommentFacts(
            c.Article!.Title, c.Article.Slug, c.Article.AuthorId, c.AuthorName, c.Body, c.Status, c.HeldReason, c.ReportCount, c.ReaderKey))
            .FirstOrDefaultAsync(ct);

    private async Task<QuotedComment> QuoteAsync(CommentFacts facts, CancellationToken ct) =>
        new(facts.ArticleTitle, facts.AuthorName, facts.Body, (await renderer.RenderAsync(facts.Body, ct)).Html);

    private sealed record CommentFacts(
        string ArticleTitle, string ArticleSlug, string? ArticleAuthorId, string AuthorName, string Body,
        CommentStatus Status, string? HeldReason, int Reports, string? ReaderKey);
}
