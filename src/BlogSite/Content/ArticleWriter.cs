using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Content;

/// <summary>Who an article is by: an account when there is one, the name shown either way.</summary>
public sealed record ArticleByline(string? AuthorId, string AuthorName);

/// <summary>A revision to keep with the write: who saved it and why ("Uploaded notes.md").</summary>
public sealed record RevisionNote(string? SavedById, string SavedByName, string Note);

/// <summary>The article written, or the problems that stopped it keyed by the draft's field names.</summary>
public sealed record ArticleWriteResult(Article? Article, IReadOnlyDictionary<string, string> Problems)
{
    public bool IsWritten => Article is not null;
}

/// <summary>
/// The one way an article is written: the editor, a <c>.md</c> upload, the <c>content/</c> sync and the importers
/// each map their input to an <see cref="ArticleDraft"/> and hand it here. It checks the draft by
/// <see cref="ArticleRules"/>, applies it in one transaction (a rename leaves a 301 when the old slug was public,
/// aliases become 301s, a revision is kept when asked) and raises <see cref="ArticleChanged"/> once it is stored.
/// </summary>
public sealed class ArticleWriter(BlogDbContext db, MarkdownRenderer renderer, BlogChanges changes, TimeProvider clock)
{
    /// <summary>
    /// Writes <paramref name="draft"/> into <paramref name="article"/> (tracked, with its tags loaded) or into a new
    /// article when it is null. <paramref name="byline"/> null keeps the article's author; <paramref name="stamp"/>
    /// sets what only its path knows (the source file of a synced article). Nothing is stored unless all of it is valid.
    /// </summary>
    public async Task<ArticleWriteResult> WriteAsync(Article? article, ArticleDraft draft, ArticleByline? byline,
        RevisionNote? revision, CancellationToken ct, Action<Article>? stamp = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new Dictionary<string, string>(ArticleRules.Check(draft));
        var slug = ArticleRules.SlugOf(draft);
        var ownId = article?.Id ?? 0;
        if (!problems.ContainsKey(nameof(ArticleDraft.Slug))
            && await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Slug == slug && a.Id != ownId, ct))
        {
            problems[nameof(ArticleDraft.Slug)] = $"Another article (perhaps one in the bin) already has the slug '{slug}'.";
        }

        var aliases = draft.Aliases?.Select(ArticleRules.AliasPath).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (aliases is not null && !problems.ContainsKey(nameof(ArticleDraft.Aliases))
            && await db.ArticleAliases.Where(a => aliases.Contains(a.Path) && a.ArticleId != ownId).Select(a => a.Path).FirstOrDefaultAsync(ct) is { } taken)
        {
            problems[nameof(ArticleDraft.Aliases)] = $"The old address '{taken}' already leads to another article.";
        }

        if (problems.Count > 0)
        {
            return new ArticleWriteResult(null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (article is null)
        {
            article = db.Articles.Add(new Article { Slug = slug, Title = draft.Title.Trim(), CreatedAt = now }).Entity;
        }

        var oldSlug = article.Slug;
        if (article.Rename(slug, now))
        {
            db.SlugRedirects.Add(new SlugRedirect { OldSlug = oldSlug, ArticleId = article.Id, CreatedAt = now });
        }

        // A slug taken back from an old address is this article's again, not a redirect.
        await db.SlugRedirects.Where(r => r.OldSlug == slug).ExecuteDeleteAsync(ct);
        article.Title = draft.Title.Trim();
        article.Summary = draft.Summary.Trim();
        article.SetPublication(draft.Status, draft.PublishAt, now);
        article.AdsOff = draft.AdsOff;
        article.CommentsClosed = draft.CommentsClosed;
        article.UpdatedAt = now;
        if (byline is not null)
        {
            article.AuthorId = byline.AuthorId;
            article.AuthorName = byline.AuthorName;
        }

        var body = draft.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        article.SetBody(body, renderer.ReadText(body), MarkdownRenderer.HashOf(body));
        article.Category = await db.FindOrAddCategoryAsync(draft.Category.Trim(), ct);
        article.SetTags(await db.FindOrAddTagsAsync(ArticleRules.TagNames(draft.Tags), ct));
        stamp?.Invoke(article);
        if (revision is not null)
        {
            db.ArticleRevisions.Add(new ArticleRevision
            {
                Article = article,
                CreatedAt = now,
                SavedById = revision.SavedById,
                SavedByName = revision.SavedByName,
                Title = article.Title,
                Summary = article.Summary,
                Body = body,
                Note = revision.Note,
            });
        }

        await db.SaveChangesAsync(ct);
        if (aliases is not null)
        {
            await SetAliasesAsync(article.Id, aliases, ct);
        }

        await transaction.CommitAsync(ct);
        changes.Raise(new ArticleChanged(article.Slug));
        return new ArticleWriteResult(article, problems);
    }

    private async Task SetAliasesAsync(int articleId, List<string> aliases, CancellationToken ct)
    {
        await db.ArticleAliases.Where(a => a.ArticleId == articleId && !aliases.Contains(a.Path)).ExecuteDeleteAsync(ct);
        var kept = await db.ArticleAliases.Where(a => a.ArticleId == articleId).Select(a => a.Path).ToListAsync(ct);
        db.ArticleAliases.AddRange(aliases.Except(kept, StringComparer.Ordinal).Select(path => new ArticleAlias { Path = path, ArticleId = articleId }));
        await db.SaveChangesAsync(ct);
    }
}
