using System.Runtime.InteropServices;

namespace BlogSite.Data;

/// <summary>
/// Makes a rename inside a folder survive a power cut: a file's bytes reach the disk with Flush(true), but its
/// name lives in the folder, which .NET has no call to sync. On Linux and macOS this opens the folder and
/// fsyncs it; Windows' file system journals names itself.
/// </summary>
public static class FolderSync
{
    /// <summary>Best effort: a folder that cannot be synced (a file system without the call) leaves the rename as durable as before.</summary>
    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = Open(folder, 0 /* O_RDONLY */);
        if (descriptor < 0)
        {
            return;
        }

        _ = Fsync(descriptor);
        _ = Close(descriptor);
    }

    // DllImport rather than LibraryImport, which would need the project to allow unsafe code for three calls.
    [DllImport("libc", EntryPoint = "open", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
