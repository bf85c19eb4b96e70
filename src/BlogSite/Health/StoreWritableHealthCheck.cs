using BlogSite.Data;
using BlogSite.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlogSite.Health;

/// <summary>
/// Degraded while writes fail for want of space, with why and since when. Not unhealthy: reading still
/// works, and a load balancer that dropped the instance would stop its readers too. While full, each check
/// probes for room (the store and the media folder), so the state clears once space returns even if nobody writes.
/// </summary>
public sealed class StoreWritableHealthCheck(StoreWritability store, BlogDbContext db, ImageStore images) : IHealthCheck
{
    private const int ProbeBytes = 64 * 1024;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store.FullSince is not { } since)
        {
            return HealthCheckResult.Healthy("Writes succeed.");
        }

        if (await HasRoomAsync(cancellationToken))
        {
            store.Succeeded();
            return HealthCheckResult.Healthy("Writes succeed again.");
        }

        return HealthCheckResult.Degraded(
            $"The store is full: writes have failed for want of disk space since {since:u}. Readers are served; comments, hearts, "
            + "reports and edits answer 503 until space is freed, and the site recovers by itself (no restart).");
    }

    private async Task<bool> HasRoomAsync(CancellationToken ct)
    {
        try
        {
            // Files show whether the disk has room; then, on SQLite, a rolled-back transaction that needs new pages,
            // which SQLite refuses when the file cannot grow (max_page_count), and which leaves nothing behind. A
            // PostgreSQL server's disk is its own: only the media folder is this machine's to probe.
            var isSqlite = db.Database.IsSqlite();
            var folders = new[] { isSqlite ? Path.GetDirectoryName(db.Database.GetDbConnection().DataSource) : null, images.Folder };
            foreach (var folder in folders.OfType<string>().Where(Directory.Exists).Distinct())
            {
                await ProbeFolderAsync(folder, ct);
            }

            if (!isSqlite)
            {
                return true;
            }

            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await db.Database.ExecuteSqlRawAsync(
                    $"CREATE TABLE \"__WriteProbe\" (Bytes BLOB); INSERT INTO \"__WriteProbe\" VALUES (zeroblob({ProbeBytes}));", ct);
                await transaction.RollbackAsync(ct);
            }

            return true;
        }
        catch (Exception ex) when (StorageFull.Is(ex))
        {
            return false;
        }
    }

    private static async Task ProbeFolderAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}.tmp");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await file.WriteAsync(new byte[ProbeBytes], ct);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
