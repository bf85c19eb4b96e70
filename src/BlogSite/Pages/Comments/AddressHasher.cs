using System.Security.Cryptography;
using System.Text;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Pages.Comments;

/// <summary>One address's hashes: under this period's salt, and under the previous period's while that one is kept.</summary>
public sealed record AddressHashes(string Current, string? Previous);

/// <summary>
/// The one place readers' addresses become the hashes kept in the store (<see cref="Comment.PosterHash"/>,
/// <see cref="CommentReport.AddressHash"/>): an HMAC under a salt that every instance reads from the store, so
/// that the per-poster limit, the duplicate check and the counting of reporters agree across instances and
/// restarts, and a new salt every <see cref="CommentOptions.SaltRotationDays"/> days, so that hashes stop linking
/// an address's activity once the previous period's salt is deleted. The address itself is never stored.
/// </summary>
public sealed class AddressHasher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CommentOptions> options) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private Salts? salts;

    /// <summary>The period <paramref name="at"/> falls in: whole periods of <paramref name="rotationDays"/> days since the Unix epoch, in UTC.</summary>
    public static long PeriodOf(DateTimeOffset at, int rotationDays) =>
        (at.UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.FromDays(rotationDays).Ticks;

    public async ValueTask<AddressHashes> HashAsync(string? address, CancellationToken ct)
    {
        var (_, current, previous) = await SaltsAsync(ct);
        var bytes = Encoding.UTF8.GetBytes(address ?? "");
        return new AddressHashes(Hash(current, bytes), previous is null ? null : Hash(previous, bytes));
    }

    public void Dispose() => loading.Dispose();

    private static string Hash(byte[] salt, byte[] address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(salt, address))[..CommentReport.AddressHashLength];

    private async ValueTask<Salts> SaltsAsync(CancellationToken ct)
    {
        var period = PeriodOf(clock.GetUtcNow(), options.Value.SaltRotationDays);
        if (Volatile.Read(ref salts) is { } known && known.Period == period)
        {
            return known;
        }

        await loading.WaitAsync(ct);
        try
        {
            if (salts is not { } loaded || loaded.Period != period)
            {
                loaded = await LoadAsync(period, ct);
                Volatile.Write(ref salts, loaded);
            }

            return loaded;
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Reads the salts of <paramref name="period"/> and the one before, creating the first if no instance has yet.</summary>
    private async Task<Salts> LoadAsync(long period, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var stored = await ReadAsync(db, period, ct);
        if (!stored.ContainsKey(period))
        {
            // Two instances may both find no salt for a new period: the key lets one insert win, the other's does
            // nothing, and both then read the winner's salt, on SQLite and PostgreSQL alike.
            var salt = RandomNumberGenerator.GetBytes(AddressSalt.Length);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "AddressSalts" ("Period", "Salt", "CreatedAt") VALUES ({period}, {salt}, {now}) ON CONFLICT ("Period") DO NOTHING""", ct);
            stored = await ReadAsync(db, period, ct);

            // Only older periods go: an instance whose clock runs a little behind may still be in the previous one,
            // and one ahead may already have made the next, which this instance will need soon.
            await db.AddressSalts.Where(s => s.Period < period - 1).ExecuteDeleteAsync(ct);
        }

        return new Salts(period, stored[period], stored.GetValueOrDefault(period - 1));
    }

    private static Task<Dictionary<long, byte[]>> ReadAsync(BlogDbContext db, long period, CancellationToken ct) =>
        db.AddressSalts.AsNoTracking()
            .Where(s => s.Period == period || s.Period == period - 1)
            .ToDictionaryAsync(s => s.Period, s => s.Salt, ct);

    private sealed record Salts(long Period, byte[] Current, byte[]? Previous);
}
