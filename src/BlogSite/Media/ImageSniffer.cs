using System.Text;

namespace BlogSite.Media;

/// <summary>Tells an image's format from its first bytes; the file's name and the browser's stated type are not trusted.</summary>
public static class ImageSniffer
{
    /// <summary>Bytes enough for <see cref="Sniff"/>.</summary>
    public const int HeaderLength = 12;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>
    /// The kind of image that starts with <paramref name="head"/>, or null for anything else: SVG
    /// (which can carry script), HTML, text, PDF, a truncated header or no bytes at all.
    /// </summary>
    public static ImageKind? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature))
        {
            return ImageKind.Png;
        }

        if (head.StartsWith(JpegSignature))
        {
            return ImageKind.Jpeg;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ImageKind.Gif;
        }

        // "RIFF", a four-byte length, then the form type.
        if (head.Length >= HeaderLength && head.StartsWith("RIFF"u8) && head[8..HeaderLength].SequenceEqual("WEBP"u8))
        {
            return ImageKind.WebP;
        }

        return null;
    }

    /// <summary>Whether bytes that are not an accepted image look like an SVG drawing, so that the refusal can say so.</summary>
    public static bool LooksLikeSvg(ReadOnlySpan<byte> head) =>
        Encoding.UTF8.GetString(head).Contains("<svg", StringComparison.OrdinalIgnoreCase);
}
