using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BlogSite.Counters;

/// <summary>
/// Counts article views in memory: once per reader per article per window, bots excluded.
/// <see cref="TakeBuffered"/> hands the counts to the flusher, which adds them to the store in batches.
/// </summary>
public sealed partial class ViewCounter(IOptions<ViewOptions> options, TimeProvider clock)
{
    // Readers are keyed by a hash salted per process, so the address never leaves memory in clear
    // and keys cannot be linked across restarts.
    private readonly byte[] salt = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, long> seenUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> buffered = new(StringComparer.Ordinal);
    private readonly long window = TimeSpan.FromMinutes(options.Value.WindowMinutes).Ticks;
    private readonly int maxTracked = options.Value.MaxTrackedReaders;
    private int tracked;

    [GeneratedRegex(@"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|curl|wget|python-|httpclient|okhttp|go-http-client|java/|libwww|scrapy",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotRegex();

    public static bool IsBot(string? userAgent) => string.IsNullOrWhiteSpace(userAgent) || BotRegex().IsMatch(userAgent);

    /// <summary>Counts a view unless this reader viewed this article within the window. Returns whether it counted.</summary>
    public bool TryCount(string slug, string? readerId, string? userAgent)
    {
        if (IsBot(userAgent))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcTicks;
        var key = ReaderKey(slug, readerId, userAgent);
        while (true)
        {
            if (seenUntil.TryGetValue(key, out var until))
            {
                if (until > now)
                {
                    return false;
                }

                // An expired entry: exactly one of several racing requests wins the update and counts.
                if (seenUntil.TryUpdate(key, now + window, until))
                {
                    break;
                }
            }
            else
            {
                if (Volatile.Read(ref tracked) >= maxTracked)
                {
                    return false;
                }

                if (seenUntil.TryAdd(key, now + window))
                {
                    Interlocked.Increment(ref tracked);
                    break;
                }
            }
        }

        buffered.AddOrUpdate(slug, 1, (_, n) => n + 1);
        return true;
    }

    /// <summary>Removes and returns the buffered counts; views counted meanwhile stay for the next take.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> TakeBuffered()
    {
        var taken = new List<KeyValuePair<string, long>>();
        foreach (var slug in buffered.Keys)
        {
            if (buffered.TryRemove(slug, out var count))
            {
                taken.Add(new(slug, count));
            }
        }

        return taken;
    }

    /// <summary>Puts counts back after a failed write, so that none is lost.</summary>
    public void Return(IEnumerable<KeyValuePair<string, long>> counts)
    {
        foreach (var (slug, count) in counts)
        {
            buffered.AddOrUpdate(slug, count, (_, n) => n + count);
        }
    }

    /// <summary>Forgets readers whose window has passed, to keep memory bounded.</summary>
    public void ForgetExpired()
    {
        var now = clock.GetUtcNow().UtcTicks;
        foreach (var (key, until) in seenUntil)
        {
            if (until <= now && seenUntil.TryRemove(new KeyValuePair<string, long>(key, until)))
            {
                Interlocked.Decrement(ref tracked);
            }
        }
    }

    private string ReaderKey(string slug, string? readerId, string? userAgent)
    {
        var text = Encoding.UTF8.GetBytes($"{slug}\n{readerId}\n{userAgent}");
        return Convert.ToBase64String(HMACSHA256.HashData(salt, text), 0, 16);
    }
}
