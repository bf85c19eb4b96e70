using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Web;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Areas.Admin.Pages.Articles;

public enum SaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,

    /// <summary>The article came from a file under content/; the file is its source.</summary>
    ReadOnly,
}

/// <summary>The outcome of a save: the article's id, or the problems keyed by the form field they belong to.</summary>
public sealed record SaveResult(SaveStatus Status, int ArticleId, IReadOnlyDictionary<string, string> Errors)
{
    public static SaveResult Failed(SaveStatus status) => new(status, 0, new Dictionary<string, string>());
}

/// <summary>
/// Writing articles: every save keeps a revision, a published article's old slug keeps answering
/// with a 301, and a deleted article waits in the bin for an Admin.
/// </summary>
public sealed class ArticleEditorCommands(
    BlogDbContext db, ArticleEditorQueries queries, MarkdownRenderer renderer, ReaderPageCache pageCache, TimeProvider clock)
{
    /// <summary>Creates (<paramref name="id"/> null) or updates an article; nothing is stored unless all of it is valid.</summary>
    public async Task<SaveResult> SaveAsync(Writer writer, int? id, ArticleInput input, string note, CancellationToken ct)
    {
        Article? article = null;
        if (id is { } existingId)
        {
            article = await db.Articles.Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == existingId, ct);
            if (article is null)
            {
                return SaveResult.Failed(SaveStatus.NotFound);
            }

            if (!writer.MayEdit(article.AuthorId))
            {
                return SaveResult.Failed(SaveStatus.Forbidden);
            }

            if (article.SourcePath is not null)
            {
                return SaveResult.Failed(SaveStatus.ReadOnly);
            }
        }

        var errors = new Dictionary<string, string>();
        var title = input.Title.Trim();
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slug.From(title) : input.Slug.Trim();
        if (!Slug.IsValid(slug))
        {
            errors[nameof(ArticleInput.Slug)] = $"'{slug}' can't be a slug: use lower-case letters, digits and single hyphens.";
        }
        else if (await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Slug == slug && a.Id != (id ?? 0), ct))
        {
            errors[nameof(ArticleInput.Slug)] = $"Another article (perhaps one in the bin) already has the slug '{slug}'.";
        }

        var categoryName = input.Category.Trim();
        if (Slug.From(categoryName).Length == 0)
        {
            errors[nameof(ArticleInput.Category)] = "A category needs at least one letter or digit.";
        }

        var tagNames = input.TagNames();
        if (tagNames.Count > ArticleInput.MaxTags)
        {
            errors[nameof(ArticleInput.Tags)] = $"At most {ArticleInput.MaxTags} tags; this has {tagNames.Count}.";
        }
        else if (tagNames.FirstOrDefault(t => Slug.From(t).Length == 0 || t.Length > Tag.MaxNameLength) is { } badTag)
        {
            errors[nameof(ArticleInput.Tags)] = $"'{badTag}' can't be a tag: it needs a letter or digit and at most {Tag.MaxNameLength} characters.";
        }

        if (errors.Count > 0)
        {
            return new SaveResult(SaveStatus.Invalid, id ?? 0, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;

        // The redirect clean-up below runs at once; the transaction makes it one change with the save.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (article is null)
        {
            article = db.Articles.Add(new Article { Slug = slug, Title = title, CreatedAt = now, AuthorId = writer.Id, AuthorName = writer.Name }).Entity;
        }
        else if (article.Slug != slug && article.IsPublishedAt(now))
        {
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = article.Slug, ArticleId = article.Id, CreatedAt = now });
        }

        // A slug taken back from an old address is this article's again, not a redirect.
        await db.SlugRedirects.Where(r => r.OldSlug == slug).ExecuteDeleteAsync(ct);
        article.Slug = slug;
        article.Title = title;
        article.Summary = input.Summary?.Trim() ?? "";
        article.Status = input.Status;
        // The form's time has no zone; the editor says it is UTC.
        var publishAt = input.PublishAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : (DateTime?)null;
        article.PublishedAt = input.Status == ArticleStatus.Published ? publishAt ?? article.PublishedAt ?? now : publishAt;
        article.AdsOff = input.AdsOff;
        article.CommentsClosed = input.CommentsClosed;
        article.UpdatedAt = now;
        var body = input.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        article.SetBody(body, renderer.ReadText(body), MarkdownRenderer.HashOf(body));
        article.Category = await db.FindOrAddCategoryAsync(categoryName, ct);
        article.SetTags(await db.FindOrAddTagsAsync(tagNames, ct));

        db.ArticleRevisions.Add(new ArticleRevision
        {
            Article = article,
            CreatedAt = now,
            SavedById = writer.Id,
            SavedByName = writer.Name,
            Title = article.Title,
            Summary = article.Summary,
            Body = body,
            Note = note,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // Lists, tags and categories show the article too; saves are rare, so every cached page goes.
        pageCache.EvictAll();
        return new SaveResult(SaveStatus.Saved, article.Id, new Dictionary<string, string>());
    }

    /// <summary>Makes a revision's text the current one; the restore is itself a new revision.</summary>
    public async Task<SaveResult> RestoreRevisionAsync(Writer writer, int articleId, int revisionId, CancellationToken ct)
    {
        var revision = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == articleId && r.Id == revisionId, ct);
        var current = revision is null ? null : await queries.FindAsync(articleId, ct);
        if (revision is null || current is null)
        {
            return SaveResult.Failed(SaveStatus.NotFound);
        }

        var input = current.Input;
        input.Title = revision.Title;
        input.Summary = revision.Summary;
        input.Body = revision.Body;
        var note = $"Restored the revision of {revision.CreatedAt:d MMM yyyy HH:mm} UTC by {revision.SavedByName}";
        return await SaveAsync(writer, articleId, input, note, ct);
    }

    /// <summary>Moves an article to the bin; its page, comments and hearts disappear until an Admin restores it.</summary>
    public async Task<SaveStatus> DeleteAsync(Writer writer, int id, CancellationToken ct)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return SaveStatus.NotFound;
        }

        if (!writer.MayEdit(article.AuthorId))
        {
            return SaveStatus.Forbidden;
        }

        if (article.SourcePath is not null)
        {
            return SaveStatus.ReadOnly;
        }

        article.DeletedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        pageCache.EvictAll();
        return SaveStatus.Saved;
    }

    /// <summary>Takes an article out of the bin, as it was; Admins only (the page says so).</summary>
    public async Task<bool> RestoreFromBinAsync(int id, CancellationToken ct)
    {
        var restored = await db.Articles.IgnoreQueryFilters().Where(a => a.Id == id && a.DeletedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DeletedAt, (DateTime?)null), ct);
        pageCache.EvictAll();
        return restored == 1;
    }
}
