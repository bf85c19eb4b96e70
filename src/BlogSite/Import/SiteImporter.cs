using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Import;

/// <summary>What an import did: articles made, those already there from an earlier run, comments added, and what was left out and why.</summary>
public sealed record ImportReport(int Created, int AlreadyImported, int Comments, IReadOnlyList<ImportSkip> Skipped)
{
    public override string ToString() =>
        $"{Plural.Count(Created, "article", "articles")} imported, {AlreadyImported} already here, "
        + $"{Plural.Count(Comments, "comment", "comments")}, {Skipped.Count} skipped";
}

/// <summary>
/// Stores what an export reader found, through the article writer: one transaction per article (its comments
/// and old addresses with it), so a failure leaves no half article. An article remembers where it came from
/// (<see cref="Article.ImportedFrom"/>), so importing the same export again leaves it as it is, edits made here since included.
/// </summary>
public sealed class SiteImporter(BlogDbContext db, ArticleWriter writer, BlogChanges changes, TimeProvider clock)
{
    /// <summary>The category of an article its blog filed under none.</summary>
    public const string DefaultCategory = "Uncategorized";

    public const string ImporterName = "Import";

    /// <param name="source">The other blog's kind ("wordpress", "ghost", "folder"): with each article's id in it, its key here.</param>
    /// <param name="site"></param>
    /// <param name="ct"></param>
    public async Task<ImportReport> ImportAsync(string source, ImportedSite site, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(site);
        var skipped = new List<ImportSkip>(site.Skipped);
        int created = 0, already = 0, comments = 0;
        foreach (var imported in site.Articles)
        {
            var key = $"{source}:{imported.SourceId}";
            var where = $"{(imported.Title.Length > 0 ? $"\"{imported.Title}\"" : "an untitled article")} ({key})";
            if (await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.ImportedFrom == key, ct))
            {
                already++;
                continue;
            }

            var (draft, notes) = DraftOf(imported);
            skipped.AddRange(notes.Select(note => new ImportSkip(where, note)));
            var byline = await BylineAsync(imported, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var thread = Threads(imported.Comments);
            var oldSlugs = await FreeOldSlugsAsync(imported, draft, ct);
            var written = await writer.WriteAsync(null, draft, byline, new RevisionNote(null, ImporterName, $"Imported from {source}"), ct,
                stamp: article =>
                {
                    article.ImportedFrom = key;
                    article.CreatedAt = imported.CreatedAt ?? imported.PublishedAt ?? now;
                    article.Views = imported.Views;
                    article.Hearts = imported.Hearts;
                    AddComments(article, thread);
                    db.SlugRedirects.AddRange(oldSlugs.Select(old => new SlugRedirect { OldSlug = old, Article = article, CreatedAt = now }));
                });
            if (!written.IsWritten)
            {
                db.ChangeTracker.Clear();
                skipped.Add(new ImportSkip(where, string.Join(" ", written.Problems.Values)));
                continue;
            }

            // The writer stamps the time of the write; an imported article was last changed when its blog says.
            if (imported.UpdatedAt is { } updated)
            {
                await db.Articles.Where(a => a.Id == written.Article!.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, updated), ct);
            }

            db.ChangeTracker.Clear();
            created++;
            comments += thread.Count;
        }

        changes.Raise(BlogChange.Site);
        return new ImportReport(created, already, comments, skipped);
    }

    /// <summary>The imported article as a draft, fitted to BlogSite's limits where a blog moving in would expect it (with a note for each).</summary>
    private static (ArticleDraft Draft, List<string> Notes) DraftOf(ImportedArticle imported)
    {
        var notes = new List<string>();
        var summary = imported.Summary.Trim();
        if (summary.Length > Article.MaxSummaryLength)
        {
            summary = summary[..(Article.MaxSummaryLength - 1)].TrimEnd() + "…";
            notes.Add($"the summary was shortened to {Article.MaxSummaryLength} characters");
        }

        var tags = ArticleRules.TagNames(imported.Tags).Where(ArticleRules.IsTagName).ToList();
        if (tags.Count > ArticleRules.MaxTags)
        {
            notes.Add($"only its first {ArticleRules.MaxTags} of {tags.Count} tags were kept");
            tags = tags[..ArticleRules.MaxTags];
        }

        var aliases = imported.OldPaths.Select(ArticleRules.AliasPath).OfType<string>().Distinct(StringComparer.Ordinal).Take(ArticleRules.MaxAliases).ToList();
        var slug = Slug.From(imported.Slug);
        var draft = new ArticleDraft
        {
            Title = imported.Title,
            Slug = slug.Length > 0 ? slug : null,
            Summary = summary,
            Category = string.IsNullOrWhiteSpace(imported.Category) ? DefaultCategory : imported.Category.Trim(),
            Tags = tags,
            Status = imported.Draft ? ArticleStatus.Draft : ArticleStatus.Published,
            PublishAt = imported.PublishedAt,
            Body = MarkdownOf(imported.Body, imported.BodyFormat),
            Aliases = aliases,
            AdsOff = imported.AdsOff,
            CommentsClosed = imported.CommentsClosed,
        };
        return (draft, notes);
    }

    private static string MarkdownOf(string body, ImportedBodyFormat format) =>
        format == ImportedBodyFormat.Html ? HtmlToMarkdown.Convert(body) : body;

    /// <summary>An account with the author's e-mail when there is one, else the name alone.</summary>
    private async Task<ArticleByline> BylineAsync(ImportedArticle imported, CancellationToken ct)
    {
        var name = imported.AuthorName.Trim();
        if (imported.AuthorEmail is { Length: > 0 } email)
        {
            var normalized = email.Trim().ToUpperInvariant();
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
                .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
            if (user is not null)
            {
                return new ArticleByline(user.Id, user.DisplayName);
            }
        }

        return new ArticleByline(null, name.Length > 100 ? name[..100] : name);
    }

    /// <summary>
    /// The comments as BlogSite keeps them, one level deep: each reply goes under its top-level ancestor (a reply to
    /// a missing comment becomes a comment of its own), in the order they were written.
    /// </summary>
    private static List<(ImportedComment Comment, ImportedComment? Root)> Threads(IReadOnlyList<ImportedComment> comments)
    {
        var byId = comments.GroupBy(c => c.SourceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        ImportedComment? RootOf(ImportedComment comment)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { comment.SourceId };
            var current = comment;
            while (current.ParentSourceId is { } parentId && byId.TryGetValue(parentId, out var parent) && seen.Add(parent.SourceId))
            {
                current = parent;
            }

            return current == comment ? null : current;
        }

        return byId.Values.OrderBy(c => c.CreatedAt).Select(c => (c, RootOf(c))).ToList();
    }

    /// <summary>The article's old slugs no article or redirect here holds: a slug in use keeps leading where it leads.</summary>
    private async Task<List<string>> FreeOldSlugsAsync(ImportedArticle imported, ArticleDraft draft, CancellationToken ct)
    {
        var own = ArticleRules.SlugOf(draft);
        var wanted = imported.OldSlugs.Where(s => Slug.IsValid(s) && s != own).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return wanted;
        }

        var taken = await db.SlugRedirects.Where(r => wanted.Contains(r.OldSlug)).Select(r => r.OldSlug)
            .Concat(db.Articles.IgnoreQueryFilters().Where(a => wanted.Contains(a.Slug)).Select(a => a.Slug)).ToListAsync(ct);
        return wanted.Except(taken, StringComparer.Ordinal).ToList();
    }

    private void AddComments(Article article, List<(ImportedComment Comment, ImportedComment? Root)> thread)
    {
        var made = new Dictionary<ImportedComment, Comment>();
        foreach (var (imported, root) in thread.OrderBy(t => t.Root is null ? 0 : 1).ThenBy(t => t.Comment.CreatedAt))
        {
            var name = imported.AuthorName.Trim();
            var email = imported.AuthorEmail?.Trim();
            var comment = new Comment
            {
                Article = article,
                Parent = root is null ? null : made[root],
                AuthorName = name.Length == 0 ? "Anonymous" : name.Length > Comment.MaxNameLength ? name[..Comment.MaxNameLength] : name,
                Email = email is { Length: > 0 and <= Comment.MaxEmailLength } ? email : null,
                Body = CommentText.NormaliseBody(MarkdownOf(imported.Body, imported.BodyFormat)),
                Status = imported.Status,
                HeldReason = imported.HeldReason ?? (imported.Status == CommentStatus.Pending ? "Pending on the blog it was imported from" : null),
                CreatedAt = DateTime.SpecifyKind(imported.CreatedAt, DateTimeKind.Utc),
                PosterHash = "imported",
            };
            made[imported] = comment;
            db.Comments.Add(comment);
        }
    }
}
