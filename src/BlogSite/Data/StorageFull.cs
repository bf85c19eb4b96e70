using Microsoft.Data.Sqlite;

namespace BlogSite.Data;

/// <summary>
/// The one test for "the disk (or the store's size limit) is full": SQLite's SQLITE_FULL, however EF wraps
/// it, and a file write that failed for want of space. Every write path is judged by this, so a full disk
/// answers 503 "try again later" everywhere instead of a 500 here and a silent drop there.
/// </summary>
public static class StorageFull
{
    /// <summary>How long a client is asked to wait before trying a write again.</summary>
    public const int RetryAfterSeconds = 120;

    /// <summary>What a writer is told; the form it sent is shown again under it.</summary>
    public const string Message =
        "We couldn't save that: the site's storage is full right now. Nothing was saved, and what you typed is still here. Please try again in a few minutes.";

    private const int SqliteFullCode = 13;

    // Windows reports HRESULTs for ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL; Unix reports the raw errno.
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int Enospc = 28;

    // EDQUOT: a user's quota is as full as a full disk.
    private static readonly int Edquot = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 69 : 122;

    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException { SqliteErrorCode: SqliteFullCode }:
                    return true;
                case IOException io when IsDiskFull(io.HResult):
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }

        return false;
    }

    private static bool IsDiskFull(int hresult) => OperatingSystem.IsWindows()
        ? hresult is WindowsDiskFull or WindowsHandleDiskFull
        : hresult == Enospc || hresult == Edquot;
}
