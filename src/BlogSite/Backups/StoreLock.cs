namespace BlogSite.Backups;

/// <summary>
/// An exclusive OS lock on a file beside the database (flock on Linux, a share mode on Windows). The kernel drops it
/// when the process ends, however it ends, so a killed site never leaves a stale lock behind as a PID file would.
/// </summary>
public static class StoreLock
{
    /// <summary>The held lock, or null when another process (or another handle in this one) holds it.</summary>
    public static FileStream? TryTake(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    /// <summary>.NET takes no locks when this switch is on, so a held lock could not be told from none.</summary>
    public static bool LockingDisabled =>
        (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled)
        || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true";
}

/// <summary>
/// The running site's claim on its store, taken before its start-up work (demo accounts, the content sync) and held until
/// the process lets go of its services: a restore refuses while it is held, and a second site on the same store waits for
/// it rather than syncing beside the first. The CLI commands return before it is taken, so they never hold it.
/// On PostgreSQL (<paramref name="files"/> null) there is no file beside the database to lock and no restore to keep out:
/// instances share the server, and keeping their start-up work to one at a time is the advisory lock's job (issue 13).
/// </summary>
public sealed class SiteLock(StoreFiles? files, ILogger<SiteLock> logger) : IDisposable
{
    // A restart overlaps the old process's last writes (buffered views at shutdown) by a moment.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private FileStream? held;

    public async Task TakeAsync(CancellationToken ct = default)
    {
        if (files is null)
        {
            return;
        }

        var until = DateTime.UtcNow + Patience;
        while ((held = StoreLock.TryTake(files.SiteLockPath)) is null)
        {
            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException(
                    $"Another process holds {files.SiteLockPath}: a BlogSite already serves {files.DatabasePath}, or a restore into it is running. Stop it first.");
            }

            logger.LogInformation("Waiting for {LockPath}: another process holds it", files.SiteLockPath);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    public void Dispose() => held?.Dispose();
}
