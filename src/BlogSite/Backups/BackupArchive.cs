using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace BlogSite.Backups;

/// <summary>A backup could not be made, or an archive is not what its manifest says; the message says why, for people.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The archive format: a gzip'd tar (readable with `tar -xzf` anywhere) whose first entry is manifest.json, then
/// blog.db, then media/…. Reading checks every entry against the manifest as it streams by, so a restore and the
/// check after each backup are one rule.
/// </summary>
public static class BackupArchive
{
    // A manifest lists every media file; 64 MB is several hundred thousand of them.
    private const long MaxManifestBytes = 64L * 1024 * 1024;

    private const int BufferLength = 81_920;

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    /// <summary>Writes the manifest, then each of its parts from <paramref name="databaseFile"/> or <paramref name="mediaFolder"/>.</summary>
    public static async Task WriteAsync(Stream destination, BackupManifest manifest, string databaseFile, string mediaFolder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        // Fastest: on a one-core server a backup shares the CPU with readers, and the media is already compressed.
        await using var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        using (var json = new MemoryStream(manifest.ToJson()))
        {
            await WriteEntryAsync(tar, BackupManifest.FileName, json, manifest.CreatedAt, ct);
        }

        foreach (var part in manifest.Parts)
        {
            var source = part.Path == BackupManifest.DatabasePart ? databaseFile : MediaFile(mediaFolder, part.Path);
            await using var file = new FileStream(source, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read, BufferLength, useAsync: true);
            await WriteEntryAsync(tar, part.Path, file, File.GetLastWriteTimeUtc(source), ct);
        }
    }

    /// <summary>Where the part at media/… lives under <paramref name="mediaFolder"/>.</summary>
    public static string MediaFile(string mediaFolder, string partPath) =>
        Path.Combine(mediaFolder, partPath[BackupManifest.MediaPrefix.Length..].Replace('/', Path.DirectorySeparatorChar));

    private static async Task WriteEntryAsync(TarWriter tar, string name, Stream data, DateTimeOffset modified, CancellationToken ct)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data, ModificationTime = modified, Mode = FileMode };
        await tar.WriteEntryAsync(entry, ct);
    }

    /// <summary>
    /// Reads the archive at <paramref name="path"/>, copying each part into the stream <paramref name="destinationFor"/> gives
    /// (and disposing it), and returns the manifest once every part was there, once, with its size and SHA-256.
    /// Throws <see cref="BackupException"/> naming the first thing that is wrong.
    /// </summary>
    public static async Task<BackupManifest> ReadAsync(string path, Func<BackupPart, Stream> destinationFor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destinationFor);
        try
        {
            await using var file = new FileStream(path, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read, BufferLength, useAsync: true);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            var manifest = await ReadManifestAsync(tar, ct);
            var expected = manifest.Parts.ToDictionary(p => p.Path, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    throw new BackupException($"it holds {entry.Name}, which is not a plain file ({entry.EntryType})");
                }

                if (!expected.TryGetValue(entry.Name, out var part))
                {
                    throw new BackupException($"it holds {entry.Name}, which its manifest does not list");
                }

                if (!seen.Add(entry.Name))
                {
                    throw new BackupException($"it holds {entry.Name} twice");
                }

                if (entry.Length != part.Size)
                {
                    throw new BackupException($"{entry.Name} is {entry.Length} bytes, and its manifest says {part.Size}");
                }

                await using var destination = destinationFor(part);
                var (hash, copied) = entry.DataStream is null ? (SHA256.HashData([]), 0L) : await CopyHashedAsync(entry.DataStream, destination, ct);
                if (copied != part.Size)
                {
                    // A gzip stream that simply stops reads as a short entry rather than an error.
                    throw new BackupException($"it is cut short: {entry.Name} has {copied} of its {part.Size} bytes");
                }

                if (!string.Equals(Convert.ToHexStringLower(hash), part.Sha256, StringComparison.Ordinal))
                {
                    throw new BackupException($"{entry.Name} does not match the SHA-256 in its manifest (it was changed or damaged)");
                }
            }

            if (manifest.Parts.FirstOrDefault(p => !seen.Contains(p.Path)) is { } missing)
            {
                var more = manifest.Parts.Count - seen.Count - 1;
                throw new BackupException($"it lacks {missing.Path}{(more > 0 ? $" and {more} more file(s)" : "")} that its manifest lists (is it cut short?)");
            }

            return manifest;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            throw new BackupException($"it is damaged, cut short or not a gzip'd tar archive ({ex.Message})", ex);
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(TarReader tar, CancellationToken ct)
    {
        var first = await tar.GetNextEntryAsync(copyData: false, ct);
        if (first is null || first.Name != BackupManifest.FileName || first.DataStream is null)
        {
            throw new BackupException($"it does not begin with {BackupManifest.FileName}, so it is not a BlogSite backup");
        }

        if (first.Length > MaxManifestBytes)
        {
            throw new BackupException($"its manifest is {first.Length} bytes, more than a manifest can be");
        }

        using var json = new MemoryStream();
        await first.DataStream.CopyToAsync(json, ct);
        BackupManifest manifest;
        try
        {
            manifest = BackupManifest.FromJson(json.GetBuffer().AsSpan(0, (int)json.Length));
        }
        catch (JsonException ex)
        {
            throw new BackupException($"its manifest is not valid ({ex.Message})", ex);
        }

        return manifest.Problem() is { } problem ? throw new BackupException(problem) : manifest;
    }

    private static async Task<(byte[] Hash, long Length)> CopyHashedAsync(Stream source, Stream destination, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferLength];
        long length = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            length += read;
        }

        return (hash.GetHashAndReset(), length);
    }

    /// <summary>The SHA-256 and size of a file, as a manifest lists it.</summary>
    public static async Task<BackupPart> PartAsync(string partPath, string file, CancellationToken ct)
    {
        await using var stream = new FileStream(file, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read, BufferLength, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new BackupPart(partPath, stream.Length, Convert.ToHexStringLower(hash));
    }
}
