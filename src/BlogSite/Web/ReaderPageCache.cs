using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using BlogSite.Counters;
using Microsoft.Extensions.Options;

namespace BlogSite.Web;

/// <summary>
/// One stored response: the bytes as sent, the same gzipped, the headers the page set, and when it goes stale.
/// </summary>
public sealed record CachedPage(
    string Path, byte[] Body, byte[] GzipBody, KeyValuePair<string, string>[] Headers, DateTimeOffset StoredAt, DateTimeOffset ExpiresAt)
{
    /// <summary>What the page holds in memory: both copies of the body.</summary>
    public long Size => Body.Length + GzipBody.Length;
}

/// <summary>
/// Whole pages for anonymous readers, kept as the bytes that were sent and gzipped once, so a hit costs
/// a lookup and a copy. Entries live no longer than the view flush interval (counts on pages stay that fresh) and
/// are dropped at once when a write changes what a page shows. The total size is bounded.
/// </summary>
public sealed class ReaderPageCache(IOptions<ViewOptions> views, TimeProvider clock, LinkGenerator links)
{
    /// <summary>Pages larger than this are served but not kept.</summary>
    public const int MaxPageBytes = 1024 * 1024;

    /// <summary>All kept pages together; past it new pages are not kept until old ones expire.</summary>
    public const long MaxTotalBytes = 32L * 1024 * 1024;

    // Paths are matched without regard to case, as routing matches them.
    private readonly ConcurrentDictionary<string, CachedPage> pages = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeSpan lifetime = TimeSpan.FromSeconds(views.Value.FlushSeconds);
    private readonly Lock gate = new();
    private long totalBytes;
    private long version;

    /// <summary>Changes on every eviction; a page rendered across one is not stored, as it may show the old state.</summary>
    public long Version => Interlocked.Read(ref version);

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
                if (pages.TryRemove(new KeyValuePair<string, CachedPage>(key, page)))
                {
                    totalBytes -= page.Size;
                }
            }
        }

        page = null;
        return false;
    }

    /// <summary>Keeps a page rendered since <paramref name="versionAtStart"/>, if nothing was evicted meanwhile and it fits.</summary>
    public void Store(string key, string path, byte[] body, KeyValuePair<string, string>[] headers, long versionAtStart)
    {
        if (body.Length > MaxPageBytes)
        {
            return;
        }

        // Compressed once per stored page, outside the lock, at a level too slow to spend on every request.
        var now = clock.GetUtcNow();
        var page = new CachedPage(path, body, Gzip(body), headers, now, now + lifetime);
        lock (gate)
        {
            if (version != versionAtStart)
            {
                return;
            }

            if (totalBytes + page.Size > MaxTotalBytes)
            {
                RemoveWhere(kept => kept.ExpiresAt <= now);
                if (totalBytes + page.Size > MaxTotalBytes)
                {
                    return;
                }
            }

            if (pages.TryGetValue(key, out var old))
            {
                totalBytes -= old.Size;
            }

            pages[key] = page;
            totalBytes += page.Size;
        }
    }

    /// <summary>Drops every kept variant of one page, e.g. an article's page after a comment or heart.</summary>
    public void EvictPath(string path)
    {
        lock (gate)
        {
            Interlocked.Increment(ref version);
            RemoveWhere(page => string.Equals(page.Path, path, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Drops an article's page, after a comment, a heart or an edit changed what it shows.</summary>
    public void EvictArticle(string slug)
    {
        if (links.GetPathByPage("/Articles/Details", values: new { slug }) is { } path)
        {
            EvictPath(path);
        }
    }

    /// <summary>Drops every kept page, e.g. after the content changed.</summary>
    public void EvictAll()
    {
        lock (gate)
        {
            Interlocked.Increment(ref version);
            pages.Clear();
            totalBytes = 0;
        }
    }

    private void RemoveWhere(Func<CachedPage, bool> match)
    {
        foreach (var (key, page) in pages)
        {
            if (match(page) && pages.TryRemove(new KeyValuePair<string, CachedPage>(key, page)))
            {
                totalBytes -= page.Size;
            }
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
