using System.IO.Compression;

namespace BlogSite.Import;

/// <summary>
/// A Jekyll or Hugo site uploaded as one zip (the admin import page) is extracted into an empty folder for
/// <see cref="StaticSiteFolder"/> to read. Bounded from the zip's directory before a byte is inflated: the number of
/// entries, each entry's size and the total; names are checked by <see cref="ZipEntries"/>. Hidden files and folders
/// (<c>.git/</c> above all) are not extracted: the folder walk skips them anyway.
/// </summary>
public static class StaticSiteZip
{
    public const int MaxEntries = 50_000;

    /// <summary>The most an image may be (the most <c>Media:MaxImageBytes</c> may be set to); posts are held to less by the walk.</summary>
    public const long MaxEntryBytes = 50_000_000;

    public const long MaxTotalBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Extracts <paramref name="zip"/> (seekable) into <paramref name="folder"/>, which must be empty, and returns the
    /// site's folder: the zip's one top-level folder when it holds nothing else (as zipping a folder writes it), else
    /// <paramref name="folder"/> itself.
    /// </summary>
    public static async Task<string> ExtractAsync(Stream zip, string folder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        using (var archive = ZipEntries.Open(zip))
        {
            var files = Files(archive);
            foreach (var entry in files)
            {
                var path = Path.GetFullPath(Path.Combine(root, entry.FullName));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ZipEntries.BufferLength, useAsync: true);
                await ZipEntries.ForEachChunkAsync(entry, entry.Length, chunk => file.WriteAsync(chunk, ct).AsTask(), ct);
            }
        }

        return Directory.GetFiles(root).Length == 0 && Directory.GetDirectories(root) is [var only] ? only : root;
    }

    /// <summary>The entries to extract, once every entry of the directory has passed the limits.</summary>
    private static List<ZipArchiveEntry> Files(ZipArchive archive)
    {
        if (archive.Entries.Count > MaxEntries)
        {
            throw new ImportFormatException("the file", $"{archive.Entries.Count:N0} entries; a site's zip may have at most {MaxEntries:N0}");
        }

        var files = new List<ZipArchiveEntry>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            ZipEntries.CheckName(name);
            if (name.EndsWith('/') || name.Split('/').Any(part => part.StartsWith('.')))
            {
                continue;
            }

            if (entry.Length > MaxEntryBytes)
            {
                throw new ImportFormatException($"entry '{name}'", $"{entry.Length:N0} bytes once inflated; a file may be at most {MaxEntryBytes:N0}");
            }

            total += entry.Length;
            if (total > MaxTotalBytes)
            {
                throw new ImportFormatException($"entry '{name}'", $"brings the zip past {MaxTotalBytes:N0} bytes once inflated");
            }

            // Two names a case-insensitive disk takes as one would overwrite each other.
            if (!names.Add(name))
            {
                throw new ImportFormatException($"entry '{name}'", "appears twice");
            }

            files.Add(entry);
        }

        return files;
    }
}
