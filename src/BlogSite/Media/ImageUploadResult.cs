using System.Diagnostics.CodeAnalysis;

namespace BlogSite.Media;

public enum ImageRefusal
{
    /// <summary>No file, or a file with no bytes.</summary>
    Empty,

    /// <summary>The bytes are not a PNG, JPEG, GIF or WebP image, whatever the file is called.</summary>
    NotAnImage,

    /// <summary>More bytes than <see cref="MediaOptions.MaxImageBytes"/>.</summary>
    TooLarge,
}

/// <summary>What became of an upload: the address the image is served at, or why it was refused, in words for the author.</summary>
public sealed record ImageUploadResult(string? Url, ImageRefusal? Refusal, string? Message)
{
    [MemberNotNullWhen(true, nameof(Url))]
    [MemberNotNullWhen(false, nameof(Refusal), nameof(Message))]
    public bool Stored => Url is not null;

    public static ImageUploadResult StoredAt(string url) => new(url, null, null);

    public static ImageUploadResult Refused(ImageRefusal refusal, string message) => new(null, refusal, message);
}
