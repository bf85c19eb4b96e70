using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlogSite.Content;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Export;
using BlogSite.Media;

namespace BlogSite.Import;

/// <summary>What copying an archive's images did: files added, files already here byte for byte, and those left out and why.</summary>
public sealed record MediaCopyReport(int Copied, int AlreadyHere, IReadOnlyList<ImportSkip> Skipped);

/// <summary>
/// Reads an archive another BlogSite exported (see <see cref="ArchiveFormat"/>) into an <see cref="ImportedSite"/>,
/// and copies its images into this site's media folder at the same paths, so the Markdown's /media/... links hold
/// unchanged. Bounded before anything is read: the number of entries, each entry's size by its kind and the total; an
/// entry that inflates past its stated size is refused by name (a zip bomb), as is a name that is not a plain
/// relative path. Staff accounts are not created (an export holds no passwords); bylines find an account here by e-mail.
/// </summary>
public sealed class BlogSiteArchive : IDisposable
{
    public const int MaxEntries = 500_000;

    /// <summary>A body of a million characters, each up to four bytes, and its front matter.</summary>
    public const long MaxMarkdownBytes = 8L * 1024 * 1024;

    /// <summary>An article's counts and comments: ten thousand long comments fit.</summary>
    public const long MaxSidecarBytes = 256L * 1024 * 1024;

    public const long MaxSmallJsonBytes = 16L * 1024 * 1024;

    /// <summary>Ten years of a busy blog with its images is a few gigabytes.</summary>
    public const long MaxTotalBytes = 16L * 1024 * 1024 * 1024;

    private const int BufferLength = ZipEntries.BufferLength;

    private readonly ZipArchive zip;
    private readonly ArchiveManifest manifest;

    private BlogSiteArchive(ZipArchive zip, ArchiveManifest manifest)
    {
        this.zip = zip;
        this.manifest = manifest;
    }

    public ArchiveManifest Manifest => manifest;

    /// <summary>Opens <paramref name="stream"/> (seekable, left to the caller) as an export, checking its names, sizes and manifest.</summary>
    public static async Task<BlogSiteArchive> OpenAsync(Stream stream, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var zip = ZipEntries.Open(stream);

        try
        {
            Check(zip);
            var manifest = await ReadJsonAsync<ArchiveManifest>(zip, ArchiveFormat.ManifestEntry, MaxSmallJsonBytes, ct)
                ?? throw new ImportFormatException(ArchiveFormat.ManifestEntry, "missing: this is not a BlogSite export");
            if (manifest.Format != ArchiveFormat.Name)
            {
                throw new ImportFormatException(ArchiveFormat.ManifestEntry, $"format '{manifest.Format}' is not '{ArchiveFormat.Name}'");
            }

            if (manifest.Version != ArchiveFormat.Version)
            {
                throw new ImportFormatException(ArchiveFormat.ManifestEntry,
                    $"version {manifest.Version} was written by another BlogSite version; this one reads version {ArchiveFormat.Version}");
            }

            return new BlogSiteArchive(zip, manifest);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>The entry limits and names, from the zip's directory alone, before a byte of any entry is inflated.</summary>
    private static void Check(ZipArchive zip)
    {
        if (zip.Entries.Count > MaxEntries)
        {
            throw new ImportFormatException("the file", $"{zip.Entries.Count:N0} entries; an export has at most {MaxEntries:N0}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            ZipEntries.CheckName(name);

            if (!names.Add(name))
            {
                throw new ImportFormatException($"entry '{name}'", "appears twice");
            }

            if (entry.Length > LimitOf(name))
            {
                throw new ImportFormatException($"entry '{name}'", $"{entry.Length:N0} bytes once inflated; at most {LimitOf(name):N0} are allowed for it");
            }

            total += entry.Length;
            if (total > MaxTotalBytes)
            {
                throw new ImportFormatException($"entry '{name}'", $"brings the archive past {MaxTotalBytes:N0} bytes once inflated");
            }
        }
    }

    private static long LimitOf(string name) =>
        name.StartsWith(ArchiveFormat.MediaFolder, StringComparison.Ordinal) ? MediaOptionsLimit
        : name.EndsWith(ArchiveFormat.MarkdownExtension, StringComparison.Ordinal) ? MaxMarkdownBytes
        : name.StartsWith(ArchiveFormat.ArticlesFolder, StringComparison.Ordinal) ? MaxSidecarBytes
        : MaxSmallJsonBytes;

    // The most Media:MaxImageBytes may be; the configured limit is applied when the images are copied.
    private const long MediaOptionsLimit = 50_000_000;

    /// <summary>The articles with their comments, counts and old addresses, in the archive's order (the exporting site's ids).</summary>
    public async Task<ImportedSite> ReadSiteAsync(CancellationToken ct)
    {
        var users = (await ReadJsonAsync<ArchiveUsers>(zip, ArchiveFormat.UsersEntry, MaxSmallJsonBytes, ct))?.Users ?? [];
        var emails = users.Where(u => u.Email is { Length: > 0 }).ToDictionary(u => u.Id, u => u.Email!, StringComparer.Ordinal);
        var site = SiteKey(manifest.Site);
        var articles = new List<ImportedArticle>();
        var skipped = new List<ImportSkip>();
        if (users.Count > 0)
        {
            skipped.Add(new ImportSkip(ArchiveFormat.UsersEntry, $"{Plural.Count(users.Count, "staff account is", "staff accounts are")} listed and not created, "
                + "since an export holds no passwords: add them with `users add`; an article whose author has the same e-mail here is credited to that account"));
        }

        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name.EndsWith('/') || name is ArchiveFormat.ManifestEntry or ArchiveFormat.UsersEntry
                || name.StartsWith(ArchiveFormat.MediaFolder, StringComparison.Ordinal))
            {
                continue;
            }

            if (!name.StartsWith(ArchiveFormat.ArticlesFolder, StringComparison.Ordinal) || name.IndexOf('/', ArchiveFormat.ArticlesFolder.Length) >= 0
                || !(name.EndsWith(ArchiveFormat.MarkdownExtension, StringComparison.Ordinal) || name.EndsWith(ArchiveFormat.SidecarExtension, StringComparison.Ordinal)))
            {
                skipped.Add(new ImportSkip(name, "not part of a BlogSite export; ignored"));
                continue;
            }

            if (!name.EndsWith(ArchiveFormat.MarkdownExtension, StringComparison.Ordinal))
            {
                continue;
            }

            var fileSlug = name[ArchiveFormat.ArticlesFolder.Length..^ArchiveFormat.MarkdownExtension.Length];
            var text = Encoding.UTF8.GetString(await ReadAsync(entry, MaxMarkdownBytes, ct));
            var parsed = FrontMatterParser.Parse(text, fileSlug, draftByDefault: false);
            skipped.AddRange(parsed.Warnings.Select(warning => new ImportSkip(name, warning)));
            if (!parsed.IsValid)
            {
                skipped.Add(new ImportSkip(name, string.Join("; ", parsed.Errors)));
                continue;
            }

            var sidecarName = ArchiveFormat.SidecarEntry(fileSlug);
            var sidecar = await ReadJsonAsync<ArchiveArticle>(zip, sidecarName, MaxSidecarBytes, ct);
            articles.Add(ArticleOf(parsed.FrontMatter!, parsed.Body, sidecar, site, fileSlug, emails));
        }

        return new ImportedSite(articles, skipped);
    }

    private static ImportedArticle ArticleOf(FrontMatter front, string body, ArchiveArticle? sidecar, string site, string fileSlug,
        Dictionary<string, string> emails)
    {
        var comments = (sidecar?.Comments ?? []).Select(c => new ImportedComment(
            c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            c.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            c.AuthorName, c.Email, c.Body, ImportedBodyFormat.Markdown, c.Status, Utc(c.CreatedAt))
        {
            HeldReason = c.HeldReason,
        }).ToList();
        // The exporting site and the article's id there: the same article imported again, even renamed, is found.
        var sourceId = sidecar is null ? $"{site}/{fileSlug}" : $"{site}/{sidecar.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var authorEmail = sidecar?.AuthorId is { } authorId && emails.TryGetValue(authorId, out var email) ? email : null;
        return new ImportedArticle(sourceId, front.Title, front.Slug, front.Summary, front.Category, front.Tags, front.Draft, front.Date,
            sidecar is null ? null : Utc(sidecar.UpdatedAt), front.Author, authorEmail, body, ImportedBodyFormat.Markdown, front.Aliases, comments)
        {
            Views = Math.Max(0, sidecar?.Views ?? 0),
            Hearts = Math.Max(0, sidecar?.Hearts ?? 0),
            CreatedAt = sidecar is null ? null : Utc(sidecar.CreatedAt),
            AdsOff = !front.Ads,
            CommentsClosed = !front.Comments,
            OldSlugs = sidecar?.OldSlugs ?? [],
        };
    }

    /// <summary>The exporting site's host, which with an article's id keys it; a site exported without a base URL is "blogsite".</summary>
    private static string SiteKey(string? site)
    {
        var host = Uri.TryCreate(site, UriKind.Absolute, out var uri) ? uri.Authority : "blogsite";
        return host.Length > 120 ? host[..120] : host;
    }

    private static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    /// <summary>
    /// Copies the archive's images into <paramref name="folder"/> at their paths under media/: only names and bytes of
    /// the kinds the site serves (checked as an upload is), at most <paramref name="maxImageBytes"/> each; a file already
    /// there with the same bytes is left, one with other bytes is kept and the archive's is not copied.
    /// </summary>
    public async Task<MediaCopyReport> CopyMediaAsync(string folder, int maxImageBytes, CancellationToken ct)
    {
        var root = Path.GetFullPath(folder);
        int copied = 0, same = 0;
        var skipped = new List<ImportSkip>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(ArchiveFormat.MediaFolder, StringComparison.Ordinal) && !e.FullName.EndsWith('/')))
        {
            var name = entry.FullName;
            var relative = name[ArchiveFormat.MediaFolder.Length..];
            var kind = ImageKind.All.FirstOrDefault(k => relative.EndsWith(k.Extension, StringComparison.OrdinalIgnoreCase));
            if (kind is null || relative.Split('/').Any(part => part.Length == 0 || part.StartsWith('.')))
            {
                skipped.Add(new ImportSkip(name, $"not a {ImageStore.Accepted} file name the site serves; not copied"));
                continue;
            }

            if (entry.Length > maxImageBytes)
            {
                skipped.Add(new ImportSkip(name, $"{ImageStore.Size(entry.Length)}, more than the {ImageStore.Size(maxImageBytes)} an image may be here; not copied"));
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(root, relative));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ImportFormatException($"entry '{name}'", "leads outside the media folder; the archive is refused");
            }

            var targetFolder = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(targetFolder);
            var temporary = Path.Combine(targetFolder, $".import-{Guid.NewGuid():N}.tmp");
            try
            {
                var (head, hash) = await InflateAsync(entry, temporary, ct);
                if (ImageSniffer.Sniff(head) != kind)
                {
                    skipped.Add(new ImportSkip(name, $"its bytes are not a {kind.Name} image (its contents were checked, not its name); not copied"));
                    continue;
                }

                if (File.Exists(target))
                {
                    var existing = await HashAsync(target, ct);
                    if (hash.AsSpan().SequenceEqual(existing))
                    {
                        same++;
                    }
                    else
                    {
                        skipped.Add(new ImportSkip(name, "a different file by that name is already here and was kept; not copied"));
                    }

                    continue;
                }

                File.Move(temporary, target);
                FolderSync.Flush(targetFolder);
                copied++;
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        return new MediaCopyReport(copied, same, skipped);
    }

    /// <summary>The entry inflated into <paramref name="path"/>: its first bytes and its SHA-256.</summary>
    private static async Task<(byte[] Head, byte[] Hash)> InflateAsync(ZipArchiveEntry entry, string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new MemoryStream();
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferLength, useAsync: true))
        {
            await ZipEntries.ForEachChunkAsync(entry, entry.Length, async chunk =>
            {
                hash.AppendData(chunk.Span);
                if (head.Length < ImageSniffer.HeaderLength)
                {
                    head.Write(chunk.Span[..Math.Min(chunk.Length, ImageSniffer.HeaderLength - (int)head.Length)]);
                }

                await file.WriteAsync(chunk, ct);
            }, ct);
            file.Flush(flushToDisk: true);
        }

        return (head.ToArray(), hash.GetHashAndReset());
    }

    private static async Task<byte[]> HashAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferLength, useAsync: true);
        return await SHA256.HashDataAsync(file, ct);
    }

    private static async Task<T?> ReadJsonAsync<T>(ZipArchive zip, string name, long limit, CancellationToken ct)
        where T : class
    {
        if (zip.GetEntry(name) is not { } entry)
        {
            return null;
        }

        var bytes = await ReadAsync(entry, limit, ct);
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, ArchiveFormat.Json)
                ?? throw new ImportFormatException(name, "holds null instead of an object");
        }
        catch (JsonException ex)
        {
            throw new ImportFormatException(ex.Path is { Length: > 0 } path ? $"{name} at {path}" : name, ex.Message);
        }
    }

    /// <summary>The entry's bytes, refused by name when they inflate past <paramref name="limit"/> or its stated size.</summary>
    private static async Task<byte[]> ReadAsync(ZipArchiveEntry entry, long limit, CancellationToken ct)
    {
        if (entry.Length > limit)
        {
            throw new ImportFormatException($"entry '{entry.FullName}'", $"{entry.Length:N0} bytes once inflated; at most {limit:N0} are allowed for it");
        }

        var bytes = new MemoryStream((int)entry.Length);
        await ZipEntries.ForEachChunkAsync(entry, entry.Length, chunk =>
        {
            bytes.Write(chunk.Span);
            return Task.CompletedTask;
        }, ct);
        return bytes.ToArray();
    }

    public void Dispose() => zip.Dispose();
}
