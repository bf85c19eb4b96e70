namespace BlogSite.Media;

/// <summary>An image format the site accepts: what to call it, the extension it is stored with and the type it is served as.</summary>
public sealed record ImageKind(string Name, string Extension, string ContentType)
{
    public static readonly ImageKind Png = new("PNG", ".png", "image/png");
    public static readonly ImageKind Jpeg = new("JPEG", ".jpg", "image/jpeg");
    public static readonly ImageKind Gif = new("GIF", ".gif", "image/gif");
    public static readonly ImageKind WebP = new("WebP", ".webp", "image/webp");

    public static readonly IReadOnlyList<ImageKind> All = [Png, Jpeg, Gif, WebP];
}
