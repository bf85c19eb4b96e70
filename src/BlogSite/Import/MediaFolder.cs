using System.Text.RegularExpressions;

namespace BlogSite.Import;

/// <summary>
/// Where the images an export refers to are on this machine, and how an address in an article maps to a file there:
/// a copy of WordPress's <c>wp-content/uploads</c>, of Ghost's <c>content/images</c>, or the Jekyll/Hugo folder itself.
/// A file is looked for only inside <see cref="Root"/> (no <c>..</c> out of it, no links followed); an address the
/// folder cannot hold (another site's image) is left as it is.
/// </summary>
public sealed partial class MediaFolder
{
    private const string WordPressMarker = "/wp-content/uploads/";
    private const string GhostMarker = "/content/images/";

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

    // WordPress keeps each upload resized ("frost-300x200.jpg") and big ones scaled ("frost-scaled.jpg") beside the original.
    [GeneratedRegex(@"-(?:\d{1,5}x\d{1,5}|scaled)(?=\.[A-Za-z0-9]+$)")]
    private static partial Regex WordPressVariant();

    // Ghost serves resized copies under size/w600/ (or w600h400) in front of the original's path.
    [GeneratedRegex(@"^size/w\d{1,5}(?:h\d{1,5})?/")]
    private static partial Regex GhostVariant();

    private readonly Kind kind;

    private enum Kind
    {
        WordPress,
        Ghost,
        StaticSite,
    }

    private MediaFolder(string root, Kind kind)
    {
        Root = Path.GetFullPath(root);
        this.kind = kind;
    }

    public string Root { get; }

    /// <summary>A copy of <c>wp-content/uploads</c> (its year folders directly inside).</summary>
    public static MediaFolder WordPressUploads(string folder) => new(folder, Kind.WordPress);

    /// <summary>A copy of Ghost's <c>content/images</c>.</summary>
    public static MediaFolder GhostImages(string folder) => new(folder, Kind.Ghost);

    /// <summary>A Jekyll or Hugo site's folder: an image is beside the post (a page bundle), at the site's root (<c>/assets/</c>) or under <c>static/</c>.</summary>
    public static MediaFolder StaticSite(string folder) => new(folder, Kind.StaticSite);

    /// <summary>Whether a link (not an image) to <paramref name="url"/> is worth looking up: it names an image file.</summary>
    public static bool NamesAnImage(string url)
    {
        var path = StripQuery(url);
        return ImageExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The files <paramref name="url"/>, written in the article whose source is <paramref name="sourceId"/>, may be, best
    /// first (the file itself, then the original of a resized copy), each inside <see cref="Root"/>; none when the address
    /// is not one this folder holds.
    /// </summary>
    public IReadOnlyList<string> Candidates(string sourceId, string url)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(url);
        url = url.Trim();
        var relative = new List<string>();
        switch (kind)
        {
            case Kind.WordPress when After(url, WordPressMarker) is { } rest:
                relative.Add(rest);
                relative.Add(WordPressVariant().Replace(rest, ""));
                break;
            case Kind.Ghost when After(url, GhostMarker) is { } rest:
                relative.Add(rest);
                relative.Add(GhostVariant().Replace(rest, ""));
                break;
            case Kind.StaticSite when IsLocal(url):
                var path = Decode(StripQuery(url));
                if (path.StartsWith('/'))
                {
                    // Jekyll serves the site's folder at the root; Hugo serves static/.
                    relative.Add(path.TrimStart('/'));
                    relative.Add("static/" + path.TrimStart('/'));
                }
                else
                {
                    var postFolder = Path.GetDirectoryName(sourceId.Replace('\\', '/')) ?? "";
                    relative.Add(Path.Combine(postFolder, path));
                    relative.Add(path);
                }

                break;
        }

        return [.. relative.Distinct(StringComparer.Ordinal).Select(Inside).OfType<string>()];
    }

    /// <summary>The full path of <paramref name="relative"/> when it stays inside the root, else null.</summary>
    private string? Inside(string relative)
    {
        if (relative.Length == 0 || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, relative));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>The decoded path after <paramref name="marker"/> in an absolute or root-relative address.</summary>
    private static string? After(string url, string marker)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.AbsolutePath
            : StripQuery(url);
        var at = path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : Decode(path[(at + marker.Length)..]);
    }

    // A path on the old site: no scheme (http:, data:, mailto:) and not protocol-relative.
    private static bool IsLocal(string url) =>
        url.Length > 0 && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith('#')
        && (url.IndexOf(':', StringComparison.Ordinal) is var colon && (colon < 0 || url.IndexOf('/', StringComparison.Ordinal) is >= 0 and var slash && slash < colon));

    private static string StripQuery(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return end < 0 ? url : url[..end];
    }

    private static string Decode(string path)
    {
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }
}
