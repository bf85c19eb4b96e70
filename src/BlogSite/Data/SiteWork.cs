using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace BlogSite.Data;

/// <summary>
/// Work that two instances sharing a store must not do at the same time: migrations, the sync of <c>content/</c> (at
/// start-up and each one the content watcher starts) and the demo accounts. On PostgreSQL the first instance takes an advisory lock
/// named after the work and the others wait for it, then do the work after it, finding it done (a sync of unchanged
/// files writes nothing). On SQLite one instance serves a store (<see cref="Backups.SiteLock"/>), so the work runs
/// at once.
/// </summary>
public sealed class SiteWork(BlogStore store, ILogger<SiteWork> logger)
{
    public Task RunAloneAsync(string name, Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        RunAloneAsync(name, async c =>
        {
            await work(c);
            return true;
        }, ct);

    public async Task<T> RunAloneAsync<T>(string name, Func<CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (store.IsSqlite)
        {
            return await work(ct);
        }

        // A session lock on a connection of its own: it is released when the work ends, or when the session does
        // (an instance that dies mid-way does not keep the others waiting).
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        var key = Key(name);
        if (!await LockAsync(connection, "pg_try_advisory_lock", key, ct))
        {
            logger.LogInformation("Waiting for another instance to finish {Work}", name);
            await LockAsync(connection, "pg_advisory_lock", key, ct);
        }

        return await work(ct);
    }

    /// <summary>The lock's number: the same in every instance and every version for the same name.</summary>
    internal static long Key(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("BlogSite:" + name)));

    private static async Task<bool> LockAsync(NpgsqlConnection connection, string function, long key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}($1)::text", connection) { Parameters = { new() { Value = key } } };
        // pg_advisory_lock returns void, which reads as an empty text; pg_try_advisory_lock says whether it took the lock.
        return await command.ExecuteScalarAsync(ct) is not "false";
    }
}
