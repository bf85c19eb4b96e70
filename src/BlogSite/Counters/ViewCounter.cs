using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BlogSite.Counters;

/// <summary>
/// Counts article views in memory: once per reader (address and browser) per article per window, at most
/// <see cref="ViewOptions.MaxPerAddress"/> readers per address per article per window whatever browsers it
/// claims, bots excluded. <see cref="TakeBuffered"/> hands the counts to the flusher, which adds them to the
/// store in batches.
/// </summary>
/// <remarks>
/// Memory is bounded without a sweep or a global lock: entries live in two generations; when the newer one
/// is full or a window old it becomes the older one and the older one is dropped whole. An entry used from
/// the older generation moves to the newer, so only readers not seen for a while are forgotten.
/// </remarks>
public sealed partial class ViewCounter(IOptions<ViewOptions> options, TimeProvider clock)
{
    // Addresses are keyed by a hash salted per process, so the address never stays in memory in clear
    // and keys cannot be linked across restarts.
    private readonly byte[] salt = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, long> buffered = new(StringComparer.Ordinal);
    private readonly long started = clock.GetUtcNow().UtcTicks;
    private readonly uint window = (uint)(options.Value.WindowMinutes * 60);
    private readonly int perAddress = options.Value.MaxPerAddress;
    private readonly int perGeneration = Math.Max(1, options.Value.MaxTrackedReaders / 2);
    private Generations generations = new(new Generation(0), new Generation(0));

    [GeneratedRegex(@"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|curl|wget|python-|httpclient|okhttp|go-http-client|java/|libwww|scrapy",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotRegex();

    public static bool IsBot(string? userAgent) => string.IsNullOrWhiteSpace(userAgent) || BotRegex().IsMatch(userAgent);

    // Readers share a few browsers' User-Agent strings, so the pattern's answer is kept per string; a flood of new
    // strings empties the table rather than growing it.
    private const int MaxKnownAgents = 1024;
    private readonly ConcurrentDictionary<string, bool> botByAgent = new(StringComparer.Ordinal);

    /// <summary>User-Agent strings whose answer is kept now; at most 1,024.</summary>
    internal int KnownAgents => botByAgent.Count;

    private bool IsKnownBot(string? userAgent)
    {
        if (userAgent is null || userAgent.Length > 512)
        {
            return IsBot(userAgent);
        }

        if (!botByAgent.TryGetValue(userAgent, out var isBot))
        {
            isBot = IsBot(userAgent);
            if (botByAgent.Count >= MaxKnownAgents)
            {
                botByAgent.Clear();
            }

            botByAgent[userAgent] = isBot;
        }

        return isBot;
    }

    /// <summary>Entries (article and address pairs) held now; at most <see cref="ViewOptions.MaxTrackedReaders"/>, give or take a race.</summary>
    public int Tracked
    {
        get
        {
            var now = Volatile.Read(ref generations);
            return now.Newer.Count + now.Older.Count;
        }
    }

    /// <summary>Counts a view unless this reader viewed this article within the window or its address is at its cap. Returns whether it counted.</summary>
    public bool TryCount(string slug, string? address, string? userAgent)
    {
        if (IsKnownBot(userAgent))
        {
            return false;
        }

        // Seconds since start-up; a clock set back reads as start-up rather than wrapping around.
        var now = (uint)Math.Clamp((clock.GetUtcNow().UtcTicks - started) / TimeSpan.TicksPerSecond, 0, uint.MaxValue - window);
        if (!EntryFor(KeyOf(slug, address), now).TryClaim(userAgent!.GetHashCode(StringComparison.Ordinal), now, now + window))
        {
            return false;
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

    private Entry EntryFor(UInt128 key, uint now)
    {
        var current = Volatile.Read(ref generations);
        if (current.Newer.Entries.TryGetValue(key, out var entry))
        {
            return entry;
        }

        if (!current.Older.Entries.TryGetValue(key, out entry))
        {
            entry = new Entry(perAddress);
        }

        var kept = current.Newer.Entries.GetOrAdd(key, entry);
        if ((ReferenceEquals(kept, entry) && Interlocked.Increment(ref current.Newer.Count) >= perGeneration)
            || (long)now - current.Newer.StartedAt >= window)
        {
            // Every entry dropped with the older generation was last used over a window ago, unless the table filled first.
            Interlocked.CompareExchange(ref generations, new Generations(new Generation(now), current.Newer), current);
        }

        return kept;
    }

    private UInt128 KeyOf(string slug, string? address)
    {
        var text = $"{slug}\n{address}";
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[512];
            var written = Encoding.UTF8.GetBytes(text, bytes);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(salt, bytes[..written], hash);
            return BinaryPrimitives.ReadUInt128LittleEndian(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private sealed record Generations(Generation Newer, Generation Older);

    private sealed class Generation(uint startedAt)
    {
        public readonly ConcurrentDictionary<UInt128, Entry> Entries = new();
        public readonly uint StartedAt = startedAt;
        public int Count;
    }

    /// <summary>One article at one address: a slot per reader (a browser's hash and when its window ends).</summary>
    private sealed class Entry(int slots)
    {
        private readonly ulong[] readers = new ulong[slots];

        public bool TryClaim(int reader, uint now, uint until)
        {
            // A reader already counted, the common case, is told so without the lock: one reader's requests all
            // meet on this entry, and waiting for each other cost them more than the rest of a cached page.
            if (Holds(reader, now))
            {
                return false;
            }

            // Only requests for one article from one address meet here.
            lock (readers)
            {
                var free = -1;
                for (var i = 0; i < readers.Length; i++)
                {
                    var slot = readers[i];
                    if ((uint)slot > now)
                    {
                        if ((int)(slot >> 32) == reader)
                        {
                            return false;
                        }
                    }
                    else if (free < 0)
                    {
                        free = i;
                    }
                }

                if (free < 0)
                {
                    return false;
                }

                Volatile.Write(ref readers[free], ((ulong)(uint)reader << 32) | until);
                return true;
            }
        }

        private bool Holds(int reader, uint now)
        {
            for (var i = 0; i < readers.Length; i++)
            {
                // A slot is one 64-bit word, so a read sees a whole reader and window end, never half of each.
                var slot = Volatile.Read(ref readers[i]);
                if ((uint)slot > now && (int)(slot >> 32) == reader)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
