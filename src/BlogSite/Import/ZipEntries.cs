using System.IO.Compression;
using System.Text;

namespace BlogSite.Import;

/// <summary>What every zip an import reads is held to: plain relative names, and no entry inflating past the size its directory states.</summary>
public static class ZipEntries
{
    public const int BufferLength = 81_920;

    /// <summary>Opens <paramref name="stream"/> (seekable, left open) for reading, names in UTF-8; a file that is not a zip is a format error.</summary>
    public static ZipArchive Open(Stream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: Encoding.UTF8);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportFormatException("the file", $"not a zip archive ({ex.Message})");
        }
    }

    /// <summary>Refuses a name that could leave the folder it is extracted to, or that no file system would take as written.</summary>
    public static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Contains('\\', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal)
            || name.StartsWith('/') || name.Any(char.IsControl) || name.Split('/').Any(part => part is "." or ".."))
        {
            throw new ImportFormatException($"entry '{name}'", "not a plain relative path inside the archive; the archive is refused");
        }
    }

    /// <summary>Inflates the entry chunk by chunk; more bytes than the directory stated is a zip bomb or a damaged file, refused either way.</summary>
    public static async Task ForEachChunkAsync(ZipArchiveEntry entry, long stated, Func<ReadOnlyMemory<byte>, Task> chunk, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(chunk);
        try
        {
            await using var source = await entry.OpenAsync(ct);
            var buffer = new byte[BufferLength];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > stated)
                {
                    throw new ImportFormatException($"entry '{entry.FullName}'", $"inflates past the {stated:N0} bytes the archive states for it; the archive is refused");
                }

                await chunk(buffer.AsMemory(0, read));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ImportFormatException($"entry '{entry.FullName}'", $"damaged ({ex.Message})");
        }
    }
}
