using System.Globalization;
using System.Security.Cryptography;
using BlogSite.Data;
using Microsoft.Extensions.Options;

namespace BlogSite.Media;

/// <summary>
/// Keeps uploaded images under <see cref="MediaOptions.Path"/>, named by a hash of their bytes: the same
/// image uploaded twice is one file, and a name never comes to mean other bytes, so it can be cached for good.
/// </summary>
public sealed class ImageStore(IOptions<MediaOptions> options, IHostEnvironment environment)
{
    public const string RequestPath = "/media";

    public const string Accepted = "PNG, JPEG, GIF or WebP";

    // Enough of the start of a file to tell an SVG drawing from other refused text.
    private const int HeadLength = 512;

    // 128 bits of SHA-256: no two different images will share a name.
    private const int NameHexLength = 32;

    private const int BufferLength = 81_920;

    private readonly int maxBytes = options.Value.MaxImageBytes;

    public string Folder { get; } = Path.GetFullPath(options.Value.Path, environment.ContentRootPath);

    /// <summary>
    /// Checks <paramref name="content"/> by its size (the declared <paramref name="length"/>, and the bytes as they are read)
    /// and by its first bytes, then stores it unless an identical image is already kept.
    /// </summary>
    public async Task<ImageUploadResult> SaveAsync(Stream content, long length, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (length > maxBytes)
        {
            return TooLarge(length);
        }

        var head = new byte[HeadLength];
        var headLength = await content.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, ct);
        if (headLength == 0)
        {
            return ImageUploadResult.Refused(ImageRefusal.Empty, $"That file is empty. Choose a {Accepted} image and upload it again.");
        }

        if (ImageSniffer.Sniff(head.AsSpan(0, headLength)) is not { } kind)
        {
            return ImageUploadResult.Refused(ImageRefusal.NotAnImage, ImageSniffer.LooksLikeSvg(head.AsSpan(0, headLength))
                ? $"That file is an SVG drawing, which can carry scripts. Only {Accepted} images can be uploaded: export it as a PNG and try again."
                : $"That file is not a {Accepted} image (its contents were checked, not its name). Save it in one of those formats and try again.");
        }

        Directory.CreateDirectory(Folder);
        // A dot-name in the same folder: never served, and moved into place in one step on the same disk.
        var temporary = Path.Combine(Folder, $".upload-{Guid.NewGuid():N}.tmp");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(head, 0, headLength);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferLength, useAsync: true))
            {
                await file.WriteAsync(head.AsMemory(0, headLength), ct);
                long total = headLength;
                var buffer = new byte[BufferLength];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    // The declared length may understate the body; what is read is what counts.
                    total += read;
                    if (total > maxBytes)
                    {
                        return TooLarge(null);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                // On the disk before it gets its name: after a power cut a name never points at missing bytes.
                file.Flush(flushToDisk: true);
            }

            var name = Convert.ToHexStringLower(hash.GetHashAndReset())[..NameHexLength] + kind.Extension;
            var path = Path.Combine(Folder, name);
            try
            {
                File.Move(temporary, path);
                FolderSync.Flush(Folder);
            }
            catch (IOException) when (File.Exists(path))
            {
                // The same image is already kept (perhaps uploaded at this very moment); its file is identical.
            }

            return ImageUploadResult.StoredAt($"{RequestPath}/{name}");
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private ImageUploadResult TooLarge(long? bytes) => ImageUploadResult.Refused(ImageRefusal.TooLarge,
        (bytes is { } known ? $"That image is {Size(known)}; " : "That image is too large; ")
        + $"images can be at most {Size(maxBytes)}. Make it smaller (fewer pixels or more compression) and try again.");

    /// <summary>Sizes as people read them: 7.2 MB, 640 KB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1_000_000 => (bytes / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1_000 => (bytes / 1_000d).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
