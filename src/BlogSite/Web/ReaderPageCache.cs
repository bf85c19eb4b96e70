using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using BlogSite.Counters;
using BlogSite.Data;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

/// <summary>
/// One stored response: the bytes as sent, the same gzipped, the headers the page set, when it goes stale, and the
/// article whose view a request for it counts (see <see cref="ViewCountingMiddleware.ViewedSlugOf"/>), if any.
/// </summary>
public sealed record CachedPage(
    string Key, string Path, byte[] Body, byte[] GzipBody, KeyValuePair<string, string>[] Headers, DateTimeOffset StoredAt, DateTimeOffset ExpiresAt,
    string? ViewedSlug = null)
{
    // Roughly what an entry costs beyond its strings and arrays: this record, the dictionary's node, the queue's slot, array headers.
    private const int EntryOverheadBytes = 256;
    private const int HeaderOverheadBytes = 64;

    /// <summary>What the page holds in memory, near enough for the bound: key, path, headers and both copies of the body.</summary>
    public long Size { get; } = EntryOverheadBytes + (sizeof(char) * (Key.Length + Path.Length)) + Body.Length + GzipBody.Length
        + Headers.Sum(header => HeaderOverheadBytes + (sizeof(char) * (header.Key.Length + header.Value.Length)));
}

/// <summary>
/// Whole pages for anonymous readers, kept as the bytes that were sent and gzipped once, so a hit costs
/// a lookup and a copy. Entries live no longer than the view flush interval (counts on pages stay that fresh) and
/// are dropped at once when a write changes what a page shows. Keys are canonical requests (see
/// <see cref="ReaderPageCacheKey"/>); the count of entries and their bytes are bounded, and when either bound is
/// reached the oldest entries go first: every entry has the same lifetime, so the oldest is the one nearest to
/// expiry, and the pages readers asked for last stay. Expired entries are swept on every store, oldest first.
/// </summary>
public sealed class ReaderPageCache(
    IOptions<ViewOptions> views, IOptions<ReaderPageCacheOptions> options, IOptions<SiteOptions> site, TimeProvider clock, LinkGenerator links)
    : IBlogChangeListener
{
    /// <summary>Pages larger than this are served but not kept.</summary>
    public const int MaxPageBytes = 1024 * 1024;

    // Paths are matched without regard to case, as routing matches them.
    private readonly ConcurrentDictionary<string, CachedPage> pages = new(StringComparer.OrdinalIgnoreCase);

    // Entries in the order they were stored, which is also the order they expire in; some may since have been
    // replaced or evicted, and are skipped when reached. Only touched under the gate, never on a hit.
    private readonly Queue<CachedPage> byAge = new();
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(views.Value.FlushSeconds);
    private readonly int maxEntries = options.Value.MaxEntries;
    private readonly long maxBytes = options.Value.MaxMegabytes * 1024L * 1024;

    // Without a configured address, pages link to the host they were asked by, so each host keeps its own copy.
    private readonly bool keyByOrigin = string.IsNullOrEmpty(site.Value.BaseUrl);
    private static readonly ReaderPageAttribute NoQuery = new();
    private readonly Lock gate = new();
    private long totalBytes;
    private int count;
    private long version;

    /// <summary>Changes on every eviction; a page rendered across one is not stored, as it may show the old state.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Entries kept now, expired ones not yet swept included.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>What the kept entries hold in memory (see <see cref="CachedPage.Size"/>).</summary>
    public long Bytes => Interlocked.Read(ref totalBytes);

    /// <summary>The key of a request for <paramref name="page"/> at <paramref name="path"/>, or null when it must not be kept (see <see cref="ReaderPageCacheKey.Of"/>).</summary>
    public string? KeyOf(HttpRequest request, string path, ReaderPageAttribute page) =>
        ReaderPageCacheKey.Of(request, path, page, keyByOrigin);

    /// <summary>The key of a request with no query string, whatever page it is for: the path (with the origin when keyed by it).</summary>
    public string KeyOfPath(HttpRequest request, string path) =>
        ReaderPageCacheKey.Of(request, path, NoQuery, keyByOrigin)!;

    public bool TryGet(string key, [MaybeNullWhen(false)] out CachedPage page)
    {
        if (pages.TryGetValue(key, out page))
        {
            if (page.ExpiresAt > clock.GetUtcNow())
            {
                return true;
            }

            lock (gate)
            {
                Remove(page);
            }
        }

        page = null;
        return false;
    }

    /// <summary>Keeps a page rendered since <paramref name="versionAtStart"/>, if nothing was evicted meanwhile and it fits.</summary>
    public void Store(string key, string path, byte[] body, KeyValuePair<string, string>[] headers, long versionAtStart, string? viewedSlug = null)
    {
        if (body.Length > MaxPageBytes)
        {
            return;
        }

        // Compressed once per stored page, outside the lock, at a level too slow to spend on every request.
        var now = clock.GetUtcNow();
        var page = new CachedPage(key, path, body, Gzip(body), headers, now, now + lifetime, viewedSlug);
        if (page.Size > maxBytes)
        {
            return;
        }

        lock (gate)
        {
            if (version != versionAtStart)
            {
                return;
            }

            while (byAge.TryPeek(out var oldest) && oldest.ExpiresAt <= now)
            {
                Remove(byAge.Dequeue());
            }

            if (pages.TryGetValue(key, out var old))
            {
                Remove(old);
            }

            while ((count >= maxEntries || totalBytes + page.Size > maxBytes) && byAge.TryDequeue(out var oldest))
            {
                Remove(oldest);
            }

            pages[key] = page;
            byAge.Enqueue(page);
            count++;
            totalBytes += page.Size;
        }
    }

    /// <summary>Drops every kept variant of one page, e.g. an article's page after a comment or heart.</summary>
    public void EvictPath(string path)
    {
        lock (gate)
        {
            Interlocked.Increment(ref version);
            foreach (var (_, page) in pages)
            {
                if (string.Equals(page.Path, path, StringComparison.OrdinalIgnoreCase))
                {
                    Remove(page);
                }
            }
        }
    }

    /// <summary>
    /// The only way pages leave before they expire: an article's activity drops its page (every variant), an article
    /// or the site drops every page, since lists, tags, feeds and the sitemap show articles too.
    /// </summary>
    public void OnChanged(BlogChange change)
    {
        switch (change)
        {
            case ArticleActivityChanged activity:
                EvictArticle(activity.Slug);
                break;
            default:
                EvictAll();
                break;
        }
    }

    private void EvictArticle(string slug)
    {
        if (links.GetPathByPage("/Articles/Details", values: new { slug }) is { } path)
        {
            EvictPath(path);
        }
    }

    private void EvictAll()
    {
        lock (gate)
        {
            Interlocked.Increment(ref version);
            pages.Clear();
            byAge.Clear();
            count = 0;
            totalBytes = 0;
        }
    }

    // Under the gate. Removes this very entry only: the key may hold a newer page by now.
    private void Remove(CachedPage page)
    {
        if (pages.TryRemove(new KeyValuePair<string, CachedPage>(page.Key, page)))
        {
            count--;
            totalBytes -= page.Size;
        }
    }

    private static byte[] Gzip(byte[] body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return compressed.ToArray();
    }
}
