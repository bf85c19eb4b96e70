using System.Globalization;
using System.Security.Cryptography;
using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Subscriptions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Comments;

/// <summary>The outcome of a post: stored (maybe held), or refused with a status and messages by field ("" for the form).</summary>
public sealed record CommentResult(int? CommentId, bool Held, int Status, IReadOnlyDictionary<string, string> Errors, TimeSpan? RetryAfter = null)
{
    public static CommentResult Refused(int status, string field, string message) => new(null, false, status, new Dictionary<string, string> { [field] = message });
}

/// <summary>A preview: the comment's HTML, or refused with a status and messages by field ("" for the form).</summary>
public sealed record CommentPreview(string? Html, int Status, IReadOnlyDictionary<string, string> Errors);

/// <summary>The article a comment form belongs to.</summary>
public sealed record CommentTarget(int Id, string Slug, string Title, bool Open);

public sealed class CommentCommands(
    BlogDbContext db,
    CommentRenderer renderer,
    TimeProvider clock,
    IOptions<CommentOptions> options,
    IDataProtectionProvider protection,
    CommentScreening screening,
    AddressHasher addresses,
    BlogChanges changes,
    CommentEvents events,
    ReplySubscriptions replies)
{
    private readonly ITimeLimitedDataProtector formClock = protection.CreateProtector("BlogSite.Comments.FormStarted").ToTimeLimitedDataProtector();

    /// <summary>A value for the form's hidden "started" field: when it was shown, sealed.</summary>
    public string StartedStamp() => formClock.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), TimeSpan.FromDays(1));

    public async Task<CommentTarget?> FindTargetAsync(string slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking().PublishedAt(now)
            .Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.Slug, a.Title, a.CommentsClosed, a.PublishedAt })
            .FirstOrDefaultAsync(ct);
        return article is null ? null : new CommentTarget(article.Id, article.Slug, article.Title, IsOpen(article.CommentsClosed, article.PublishedAt!.Value, now));
    }

    public bool IsOpen(bool closed, DateTime publishedAt, DateTime now) =>
        !closed && (options.Value.CloseAfterDays == 0 || publishedAt.AddDays(options.Value.CloseAfterDays) > now);

    /// <summary>The comment as it would be shown, after the same checks as a post; nothing is stored.</summary>
    public async Task<CommentPreview> PreviewAsync(CommentInput input, CancellationToken ct)
    {
        var body = CommentText.NormaliseBody(input.Body);
        var errors = CheckText(CommentText.NormaliseName(input.Name), body);
        if (errors.Count > 0)
        {
            return new CommentPreview(null, StatusCodes.Status422UnprocessableEntity, errors);
        }

        var rendered = await renderer.RenderAsync(body, ct);
        return rendered.Failure is { } failure
            ? new CommentPreview(null, StatusOf(failure), RenderRefusal(failure))
            : new CommentPreview(rendered.Html, StatusCodes.Status200OK, errors);
    }

    public async Task<CommentResult> PostAsync(CommentTarget target, CommentInput input, string? address, string readerKey, CancellationToken ct)
    {
        var limits = options.Value;
        if (!target.Open)
        {
            return CommentResult.Refused(StatusCodes.Status403Forbidden, "", "Comments are closed for this article.");
        }

        if (!string.IsNullOrEmpty(input.Website))
        {
            return CommentResult.Refused(StatusCodes.Status422UnprocessableEntity, "", "This comment looks automated, so it was not posted.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (FormAge(input.Started, now) is not { } age || age < TimeSpan.FromSeconds(limits.MinFormAgeSeconds))
        {
            return CommentResult.Refused(StatusCodes.Status422UnprocessableEntity, "",
                "That was very quick, which is what bots do. Please check your comment and post it again.");
        }

        var name = CommentText.NormaliseName(input.Name);
        var body = CommentText.NormaliseBody(input.Body);
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        var errors = CheckText(name, body);
        string? subscriber = null;
        if (input.NotifyReplies && replies.Offered)
        {
            (subscriber, var emailError) = ReplySubscriptions.Check(email);
            if (emailError is not null)
            {
                errors[nameof(CommentInput.Email)] = emailError;
            }
        }

        int? parentId = null;
        if (input.ParentId is { } replyTo)
        {
            var parent = await db.Comments.AsNoTracking()
                .Where(c => c.Id == replyTo && c.ArticleId == target.Id && c.Status == CommentStatus.Published)
                .Select(c => new { c.Id, c.ParentId }).FirstOrDefaultAsync(ct);
            if (parent is null)
            {
                errors[""] = "The comment you were replying to is no longer there.";
            }
            else
            {
                // Replies are one level deep: a reply to a reply joins the same thread.
                parentId = parent.ParentId ?? parent.Id;
            }
        }

        if (errors.Count > 0)
        {
            return new CommentResult(null, false, StatusCodes.Status422UnprocessableEntity, errors);
        }

        // Rendered before it is stored: a comment that cannot be shown formatted is refused, and the page shows it from the memo.
        if ((await renderer.RenderAsync(body, ct)).Failure is { } failure)
        {
            return new CommentResult(null, false, StatusOf(failure), RenderRefusal(failure));
        }

        // The current salt's hash only: a window of minutes against a period of days, a rotation lets through at most
        // one window's worth once a period.
        var poster = (await addresses.HashAsync(address, ct)).Current;
        if (await WaitBeforePostingAsync(poster, now, ct) is { } wait)
        {
            var minutes = (int)Math.Ceiling(wait.TotalMinutes);
            return new CommentResult(null, false, StatusCodes.Status429TooManyRequests, new Dictionary<string, string>
            {
                [""] = $"You have posted {limits.PostsPerWindow} comments in the last {limits.WindowMinutes} minutes. Please wait {minutes} {(minutes == 1 ? "minute" : "minutes")}, then try again.",
            }, wait);
        }

        var since = now.AddMinutes(-limits.DuplicateWindowMinutes);
        if (await db.Comments.AnyAsync(c => c.ArticleId == target.Id && c.PosterHash == poster && c.Body == body && c.CreatedAt >= since, ct))
        {
            return CommentResult.Refused(StatusCodes.Status422UnprocessableEntity, "", "You already posted this comment here.");
        }

        var comment = new Comment
        {
            ArticleId = target.Id,
            ParentId = parentId,
            AuthorName = name,
            Email = email,
            Body = body,
            CreatedAt = now,
            PosterHash = poster,
            ReaderKey = readerKey,
            HeldReason = screening.ReasonToHold(body),
        };
        comment.Status = comment.HeldReason is null ? CommentStatus.Published : CommentStatus.Pending;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The comment, its subscription and the confirmation it may send are one transaction: all stored, or none.
        if (subscriber is not null && await replies.AddAsync(comment, subscriber, poster, target.Title, ct) is { } refused)
        {
            db.ChangeTracker.Clear();
            return new CommentResult(null, false, StatusCodes.Status429TooManyRequests, new Dictionary<string, string> { [""] = refused.Message }, refused.Wait);
        }

        db.Comments.Add(comment);
        if (comment.HeldReason is not null)
        {
            db.ModerationEvents.Add(new ModerationEvent
            {
                Comment = comment,
                ActorName = "BlogSite",
                Action = ModerationAction.HeldAutomatically,
                FromStatus = CommentStatus.Pending,
                ToStatus = CommentStatus.Pending,
                Note = comment.HeldReason,
                At = now,
            });
        }

        await db.SaveChangesAsync(ct);
        await events.RaiseAsync(db, [new CommentPosted(comment.Id, comment.Status)], ct);
        await transaction.CommitAsync(ct);
        changes.Raise(new ArticleActivityChanged(target.Slug));
        return new CommentResult(comment.Id, comment.Status == CommentStatus.Pending, StatusCodes.Status200OK, new Dictionary<string, string>());
    }

    /// <summary>
    /// Records a reader's report, once per reader; reports from enough different addresses hold the comment
    /// for review. Readers are counted by address as well as by key, since one address can take any number of keys.
    /// "Has this address reported it already" looks for the address's hash under the current salt and under the
    /// previous one, and a match stores the new report with the hash found: otherwise, right after the salt
    /// turned, one address would count as a new one with each fresh reader key, and could hold a comment alone.
    /// </summary>
    public async Task<string?> ReportAsync(int commentId, string readerKey, string? address, CancellationToken ct)
    {
        var slug = await db.Comments.AsNoTracking()
            .Where(c => c.Id == commentId && c.Status == CommentStatus.Published)
            .Select(c => c.Article!.Slug).FirstOrDefaultAsync(ct);
        if (slug is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reporter = await addresses.HashAsync(address, ct);

        // Writing first takes SQLite's write lock at once, so concurrent reports queue and each counts the ones before it.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var current = reporter.Current;
            var previous = reporter.Previous ?? reporter.Current;
            var added = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "CommentReports" ("CommentId", "ReaderKey", "AddressHash", "CreatedAt")
                SELECT {commentId}, {readerKey},
                    COALESCE((SELECT r."AddressHash" FROM "CommentReports" AS r WHERE r."CommentId" = {commentId} AND r."AddressHash" IN ({current}, {previous}) LIMIT 1), {current}),
                    {now}
                WHERE TRUE
                ON CONFLICT DO NOTHING
                """, ct);
            if (added == 1)
            {
                var reports = db.CommentReports.Where(r => r.CommentId == commentId);
                var readers = await reports.CountAsync(ct);
                var addresses = await reports.Select(r => r.AddressHash).Distinct().CountAsync(ct);
                var comment = await db.Comments.SingleAsync(c => c.Id == commentId, ct);
                comment.ReportCount = readers;
                var reason = comment.Status == CommentStatus.Published ? screening.ReasonToHoldReported(readers, addresses) : null;
                if (reason is not null)
                {
                    Hold(comment, reason, now);
                }

                await db.SaveChangesAsync(ct);
                await events.RaiseAsync(db, [new CommentReported(commentId, readers, Held: reason is not null)], ct);
            }

            await transaction.CommitAsync(ct);
        }

        changes.Raise(new ArticleActivityChanged(slug));
        return slug;
    }

    private void Hold(Comment comment, string reason, DateTime now)
    {
        comment.Status = CommentStatus.Pending;
        comment.HeldReason = reason;
        db.ModerationEvents.Add(new ModerationEvent
        {
            CommentId = comment.Id,
            ActorName = "BlogSite",
            Action = ModerationAction.HeldAutomatically,
            FromStatus = CommentStatus.Published,
            ToStatus = CommentStatus.Pending,
            Note = reason,
            At = now,
        });
    }

    /// <summary>
    /// The checks every comment's text passes before anything renders it, on post and preview alike: a name and a
    /// body, each within its length. Messages are keyed by field.
    /// </summary>
    private Dictionary<string, string> CheckText(string name, string body)
    {
        var limits = options.Value;
        var errors = new Dictionary<string, string>();
        if (name.Length == 0)
        {
            errors[nameof(CommentInput.Name)] = "Please give a name to show with your comment.";
        }
        else if (name.Length > limits.MaxNameLength)
        {
            errors[nameof(CommentInput.Name)] = $"Names can be at most {limits.MaxNameLength} characters; this one has {name.Length}.";
        }

        if (body.Length == 0)
        {
            errors[nameof(CommentInput.Body)] = "Please write your comment.";
        }
        else if (body.Length > limits.MaxLength)
        {
            errors[nameof(CommentInput.Body)] = $"Comments can be at most {limits.MaxLength:N0} characters; this one has {body.Length:N0}. Shorten it and try again.";
        }

        return errors;
    }

    // Busy is no fault of the comment: "try again shortly", not "change this".
    private static int StatusOf(RenderFailure failure) =>
        failure == RenderFailure.Busy ? StatusCodes.Status429TooManyRequests : StatusCodes.Status422UnprocessableEntity;

    private Dictionary<string, string> RenderRefusal(RenderFailure failure) => new()
    {
        [failure == RenderFailure.Busy ? "" : nameof(CommentInput.Body)] =
            RenderFailures.Advice(failure, "Your comment", renderer.MaxHtmlCharacters),
    };

    private TimeSpan? FormAge(string? stamp, DateTime now)
    {
        try
        {
            var ticks = long.Parse(formClock.Unprotect(stamp ?? ""), CultureInfo.InvariantCulture);
            return now - new DateTime(ticks, DateTimeKind.Utc);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// How long <paramref name="poster"/> must wait before another comment, or null when they are within
    /// <see cref="CommentOptions.PostsPerWindow"/>: counted from the store, so that neither a restart nor another
    /// instance starts the count again. The wait ends when the oldest of their last posts leaves the window.
    /// </summary>
    private async Task<TimeSpan?> WaitBeforePostingAsync(string poster, DateTime now, CancellationToken ct)
    {
        var limits = options.Value;
        var window = TimeSpan.FromMinutes(limits.WindowMinutes);
        var since = now - window;
        var oldestCounted = await db.Comments
            .Where(c => c.PosterHash == poster && c.CreatedAt > since)
            .OrderByDescending(c => c.CreatedAt)
            .Skip(limits.PostsPerWindow - 1)
            .Select(c => (DateTime?)c.CreatedAt)
            .FirstOrDefaultAsync(ct);
        return oldestCounted is { } at ? at + window - now : null;
    }
}
