using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Media;
using BlogSite.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Export;

/// <summary>
/// Writes the whole site as a zip in <see cref="ArchiveFormat"/>'s layout, reading articles in batches by id and one
/// article's comments at a time, so a store of 100k articles and a million comments passes through a bounded amount
/// of memory. Articles in the bin are left out (counted in the manifest): deleting is how their author said so.
/// The store is read as it is while the site runs; an edit made during the export lands in it or not.
/// </summary>
public sealed class SiteExporter(BlogDbContext db, ImageStore images, IOptions<SiteOptions> site, TimeProvider clock)
{
    /// <summary>Articles read per query: a hundred bodies of a typical post are a few megabytes.</summary>
    public const int BatchSize = 100;

    private const int BufferLength = 81_920;

    /// <summary>
    /// Writes the archive to <paramref name="path"/> by way of a temporary file beside it, renamed once complete: a
    /// failed or cancelled export leaves no half zip, and an existing file is replaced only by a whole one.
    /// </summary>
    public async Task<ArchiveCounts> ExportAsync(string path, bool includeEmails, CancellationToken ct)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target) ?? throw new IOException($"{path} names no file.");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            ArchiveCounts counts;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferLength, useAsync: true))
            {
                counts = await WriteAsync(file, includeEmails, ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            FolderSync.Flush(folder);
            return counts;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes the archive to <paramref name="output"/>, which is left open.</summary>
    public async Task<ArchiveCounts> WriteAsync(Stream output, bool includeEmails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var exportedAt = clock.GetUtcNow().UtcDateTime;
        var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8);
        await using (zip)
        {
            var users = await WriteUsersAsync(zip, includeEmails, ct);
            var (articles, comments) = await WriteArticlesAsync(zip, includeEmails, ct);
            var media = await WriteMediaAsync(zip, ct);
            var bin = await db.Articles.IgnoreQueryFilters().CountAsync(a => a.DeletedAt != null, ct);
            var counts = new ArchiveCounts(articles, comments, users, media, bin);
            var baseUrl = string.IsNullOrEmpty(site.Value.BaseUrl) ? null : site.Value.BaseUrl.TrimEnd('/');
            await WriteJsonAsync(zip, ArchiveFormat.ManifestEntry,
                new ArchiveManifest(ArchiveFormat.Name, ArchiveFormat.Version, exportedAt, includeEmails, counts, baseUrl), ct);
            return counts;
        }
    }

    private async Task<int> WriteUsersAsync(ZipArchive zip, bool includeEmails, CancellationToken ct)
    {
        // Staff accounts are a handful; roles by a join, and nothing that could sign in (hashes, stamps, keys).
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           select new { link.UserId, role.Name }).AsNoTracking().ToListAsync(ct);
        var rolesOf = roles.ToLookup(r => r.UserId, r => r.Name ?? "");
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.DisabledAt }).ToListAsync(ct);
        var exported = users.Select(u => new ArchiveUser(u.Id, u.DisplayName,
            rolesOf[u.Id].Order(StringComparer.Ordinal).ToList(), u.DisabledAt is not null, includeEmails ? u.Email : null)).ToList();
        await WriteJsonAsync(zip, ArchiveFormat.UsersEntry, new ArchiveUsers(exported), ct);
        return exported.Count;
    }

    private sealed record ArticleRow(
        int Id,
        string Slug,
        string Title,
        string Summary,
        string Category,
        List<string> Tags,
        string AuthorName,
        string? AuthorId,
        ArticleStatus Status,
        DateTime? PublishedAt,
        DateTime CreatedAt,
        DateTime UpdatedAt,
        long Views,
        long Hearts,
        bool AdsOff,
        bool CommentsClosed,
        string Body);

    private async Task<(int Articles, int Comments)> WriteArticlesAsync(ZipArchive zip, bool includeEmails, CancellationToken ct)
    {
        int articles = 0, comments = 0, lastId = 0;
        while (true)
        {
            var batch = await db.Articles.AsNoTracking()
                .Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(BatchSize)
                .Select(a => new ArticleRow(a.Id, a.Slug, a.Title, a.Summary, a.Category!.Name,
                    a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(), a.AuthorName, a.AuthorId, a.Status, a.PublishedAt,
                    a.CreatedAt, a.UpdatedAt, a.Views, a.Hearts, a.AdsOff, a.CommentsClosed, a.Body.Markdown))
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return (articles, comments);
            }

            lastId = batch[^1].Id;
            var ids = batch.Select(a => a.Id).ToList();
            var aliases = (await db.ArticleAliases.AsNoTracking().Where(a => ids.Contains(a.ArticleId)).OrderBy(a => a.Id)
                .Select(a => new { a.ArticleId, a.Path }).ToListAsync(ct)).ToLookup(a => a.ArticleId, a => a.Path);
            var redirects = (await db.SlugRedirects.AsNoTracking().Where(r => ids.Contains(r.ArticleId)).OrderBy(r => r.Id)
                .Select(r => new { r.ArticleId, r.OldSlug }).ToListAsync(ct)).ToLookup(r => r.ArticleId, r => r.OldSlug);
            foreach (var article in batch)
            {
                var frontMatter = new FrontMatter(article.Title, article.Slug, article.Summary, article.Category, article.Tags,
                    article.AuthorName, article.PublishedAt, article.Status == ArticleStatus.Draft, !article.AdsOff,
                    !article.CommentsClosed, aliases[article.Id].ToList());
                await WriteTextAsync(zip, ArchiveFormat.MarkdownEntry(article.Slug), FrontMatterWriter.Write(frontMatter, article.Body), ct);
            }

            // One query for the batch's comments, in article order, each article's written once its own are read.
            var thread = db.Comments.AsNoTracking().Where(c => ids.Contains(c.ArticleId)).OrderBy(c => c.ArticleId).ThenBy(c => c.Id)
                .Select(c => new
                {
                    c.ArticleId,
                    Comment = new ArchiveComment(c.Id, c.AuthorName, c.Body, c.Status, c.CreatedAt, c.ParentId, includeEmails ? c.Email : null, c.HeldReason),
                })
                .AsAsyncEnumerable().GetAsyncEnumerator(ct);
            await using (thread)
            {
                var more = await thread.MoveNextAsync();
                foreach (var article in batch)
                {
                    var own = new List<ArchiveComment>();
                    while (more && thread.Current.ArticleId == article.Id)
                    {
                        own.Add(thread.Current.Comment);
                        more = await thread.MoveNextAsync();
                    }

                    await WriteJsonAsync(zip, ArchiveFormat.SidecarEntry(article.Slug), new ArchiveArticle(article.Id, article.Slug,
                        article.CreatedAt, article.UpdatedAt, article.Views, article.Hearts, redirects[article.Id].ToList(), own, article.AuthorId), ct);
                    articles++;
                    comments += own.Count;
                }
            }
        }
    }

    /// <summary>The media folder's images at their own relative paths, so the Markdown's /media/... links hold in the site that imports them.</summary>
    private async Task<int> WriteMediaAsync(ZipArchive zip, CancellationToken ct)
    {
        if (!Directory.Exists(images.Folder))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(images.Folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(images.Folder, file).Replace(Path.DirectorySeparatorChar, '/');
            // Only what the site serves: the stored kinds, not an upload's dot-named temporary file.
            if (relative.Split('/').Any(part => part.StartsWith('.'))
                || !ImageKind.All.Any(kind => relative.EndsWith(kind.Extension, StringComparison.Ordinal)))
            {
                continue;
            }

            var entry = zip.CreateEntry(ArchiveFormat.MediaFolder + relative, CompressionLevel.NoCompression);
            entry.LastWriteTime = File.GetLastWriteTimeUtc(file);
            await using (var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, BufferLength, useAsync: true))
            await using (var target = await entry.OpenAsync(ct))
            {
                await source.CopyToAsync(target, ct);
            }

            count++;
        }

        return count;
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        await using var target = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
        await using var writer = new StreamWriter(target, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferLength);
        await writer.WriteAsync(text.AsMemory(), ct);
    }

    private static async Task WriteJsonAsync<T>(ZipArchive zip, string name, T value, CancellationToken ct)
    {
        await using var target = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(ct);
        await JsonSerializer.SerializeAsync(target, value, ArchiveFormat.Json, ct);
    }
}
