namespace BlogSite.Tests.Media;

/// <summary>Real 1×1 images, one of each accepted kind, and files that only pretend to be images.</summary>
internal static class TestImages
{
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABAQMAAAAl21bKAAAAA1BMVEXA/+7iQ5mXAAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==");

    public static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARES"
        + "EhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAA"
        + "AAAAAAAAAAb/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAQT/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwC1AKF//9k=");

    public static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAPAAAMD/7gAAACH5BAAAAAAALAAAAAABAAEAAAICRAEAOw==");

    public static readonly byte[] WebP = Convert.FromBase64String("UklGRi4AAABXRUJQVlA4ICIAAABQAQCdASoBAAEAAgA0JZgABDOAAP75yG/H/+Lf2R/OTQAA");

    public static readonly byte[] Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"1\" height=\"1\"/></svg>"u8.ToArray();

    public static readonly byte[] SvgWithProlog =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

    public static readonly byte[] Html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();

    public static readonly byte[] Text = "Just some notes, saved as photo.png.\n"u8.ToArray();

    public static readonly byte[] Pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8.ToArray();

    // RIFF is also the container of WAV and AVI; only the WEBP form type is an image.
    public static readonly byte[] Wav = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8];

    public static byte[] Named(string kind) => kind switch
    {
        "png" => Png,
        "jpeg" => Jpeg,
        "gif" => Gif,
        "webp" => WebP,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
