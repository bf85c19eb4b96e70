using BlogSite.Areas.Admin.Pages.Comments;
using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Email.Staff;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Pages.Email;

public enum LinkState
{
    /// <summary>The link may be used: the confirmation page asks.</summary>
    Valid,

    Done,

    /// <summary>Not a link this site made, or altered since.</summary>
    Invalid,

    Expired,

    /// <summary>Used already, or the comment was moderated since the message was sent.</summary>
    Used,

    /// <summary>The account it was made for can't moderate now: disabled, no longer a moderator, or its password changed.</summary>
    NotAllowed,

    /// <summary>The comment no longer exists.</summary>
    Gone,
}

public sealed record LinkedComment(string ArticleTitle, string ArticleSlug, string AuthorName, string Html, CommentStatus Status);

/// <summary>What a moderation link asks and whether it may: the confirmation page shows it, its POST does it.</summary>
public sealed record ModerationLinkView(LinkState State, ModerationAction Action = default, int CommentId = 0, LinkedComment? Comment = null, string? ModeratorName = null)
{
    public int Status => State switch
    {
        LinkState.Invalid => StatusCodes.Status400BadRequest,
        LinkState.NotAllowed => StatusCodes.Status403Forbidden,
        LinkState.Gone => StatusCodes.Status404NotFound,
        LinkState.Expired or LinkState.Used => StatusCodes.Status410Gone,
        _ => StatusCodes.Status200OK,
    };
}

/// <summary>
/// The approve / hide / spam links of a moderator's message. Following one changes nothing: it shows what it would
/// do. Only the confirmation's POST acts, through <see cref="ModerationCommands"/>, in the moderator's name.
/// </summary>
public sealed class EmailModeration(BlogDbContext db, ModerationLinks links, ModerationCommands commands, CommentRenderer renderer)
{
    public const string Note = "From the link in a notification e-mail";

    public async Task<ModerationLinkView> CheckAsync(string? token, CancellationToken ct)
    {
        var (view, _) = await ReadAsync(token, ct);
        return view;
    }

    public async Task<ModerationLinkView> ApplyAsync(string? token, CancellationToken ct)
    {
        var (view, link) = await ReadAsync(token, ct);
        if (view.State != LinkState.Valid)
        {
            return view;
        }

        var outcome = await commands.ApplyIfUnchangedAsync(link!.CommentId, link.LastEventId, link.Action, link.UserId, view.ModeratorName!, Note, ct);
        return view with
        {
            State = outcome switch
            {
                LinkedModeration.Applied => LinkState.Done,
                LinkedModeration.Gone => LinkState.Gone,
                _ => LinkState.Used,
            },
        };
    }

    private async Task<(ModerationLinkView View, ModerationLink? Link)> ReadAsync(string? token, CancellationToken ct)
    {
        var (link, problem) = links.Read(token);
        if (link is null || problem == ModerationLinkProblem.Invalid)
        {
            return (new ModerationLinkView(LinkState.Invalid), null);
        }

        var asked = new ModerationLinkView(LinkState.Valid, link.Action, link.CommentId);
        if (problem == ModerationLinkProblem.Expired)
        {
            return (asked with { State = LinkState.Expired }, link);
        }

        var moderatorRoles = db.Roles.Where(r => r.Name == Roles.Admin || r.Name == Roles.Moderator).Select(r => r.Id);
        var moderator = await db.Users.AsNoTracking()
            .Where(u => u.Id == link.UserId && u.DisabledAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && moderatorRoles.Contains(ur.RoleId)))
            .Select(u => new { u.DisplayName, u.SecurityStamp }).FirstOrDefaultAsync(ct);
        if (moderator is null || ModerationLink.HashOf(moderator.SecurityStamp) != link.StampHash)
        {
            return (asked with { State = LinkState.NotAllowed }, link);
        }

        asked = asked with { ModeratorName = moderator.DisplayName };
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == link.CommentId)
            .Select(c => new { c.Article!.Title, c.Article.Slug, c.AuthorName, c.Body, c.Status }).FirstOrDefaultAsync(ct);
        if (comment is null)
        {
            return (asked with { State = LinkState.Gone }, link);
        }

        var html = (await renderer.RenderAsync(comment.Body, ct)).Html;
        asked = asked with { Comment = new LinkedComment(comment.Title, comment.Slug, comment.AuthorName, html, comment.Status) };
        var unchanged = await ModerationCommands.LastEventIdAsync(db, link.CommentId, ct) == link.LastEventId
            && Comment.StatusAfter(link.Action, comment.Status) is not null;
        return (unchanged ? asked : asked with { State = LinkState.Used }, link);
    }
}
