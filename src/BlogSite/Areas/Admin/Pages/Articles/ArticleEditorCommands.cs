using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
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
/// The editor's commands: who may save which article, then the article writer (which keeps a revision of every
/// save); a deleted article waits in the bin for an Admin.
/// </summary>
public sealed class ArticleEditorCommands(
    BlogDbContext db, ArticleEditorQueries queries, ArticleWriter articles, BlogChanges changes, TimeProvider clock)
{
    /// <summary>Creates (<paramref name="id"/> null) or updates an article; nothing is stored unless all of it is valid.</summary>
    public async Task<SaveResult> SaveAsync(Writer writer, int? id, ArticleDraft draft, string note, CancellationToken ct)
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

        // A new article is the writer's; an edit keeps its author.
        var written = await articles.WriteAsync(article, draft, article is null ? new ArticleByline(writer.Id, writer.Name) : null,
            new RevisionNote(writer.Id, writer.Name, note), ct);
        if (!written.IsWritten)
        {
            return new SaveResult(SaveStatus.Invalid, id ?? 0, written.Problems);
        }

        return new SaveResult(SaveStatus.Saved, written.Article!.Id, new Dictionary<string, string>());
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
        return await SaveAsync(writer, articleId, input.ToDraft(), note, ct);
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
        changes.Raise(new ArticleChanged(article.Slug));
        return SaveStatus.Saved;
    }

    /// <summary>Takes an article out of the bin, as it was; Admins only (the page says so).</summary>
    public async Task<bool> RestoreFromBinAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == id && a.DeletedAt != null, ct);
        if (article is null)
        {
            return false;
        }

        article.DeletedAt = null;
        await db.SaveChangesAsync(ct);
        changes.Raise(new ArticleChanged(article.Slug));
        return true;
    }
}
