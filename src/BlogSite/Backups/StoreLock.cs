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
/// The running site's claim on its store, taken when the host starts and held until the process lets go of its services:
/// a restore refuses while it is held, and a second site on the same store does not start. The CLI commands return
/// before the host starts, so they never take it.
/// </summary>
public sealed class SiteLock(StoreFiles files) : IHostedService, IDisposable
{
    private FileStream? held;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        held = StoreLock.TryTake(files.SiteLockPath) ?? throw new InvalidOperationException(
            $"Another process holds {files.SiteLockPath}: a BlogSite already serves {files.DatabasePath}, or a restore into it is running. Stop it first.");
        return Task.CompletedTask;
    }

    // Kept until Dispose: the other services' last writes (buffered views at shutdown) come after StopAsync.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => held?.Dispose();
}
