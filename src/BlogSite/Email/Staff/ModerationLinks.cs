using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BlogSite.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace BlogSite.Email.Staff;

/// <summary>
/// What an approve / hide / spam link in a moderator's message asks: this action on this comment, by this moderator,
/// while the comment's last moderation event is still <paramref name="LastEventId"/> (so it works once), until
/// <paramref name="ExpiresAt"/>, and while the moderator's security stamp is the one it was made under (a password
/// change or "sign out everywhere" ends the links of every message already sent).
/// </summary>
public sealed record ModerationLink(int CommentId, ModerationAction Action, string UserId, string StampHash, int LastEventId, DateTime ExpiresAt)
{
    public static string HashOf(string? securityStamp) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(securityStamp ?? "")))[..16];
}

public enum ModerationLinkProblem
{
    None,

    /// <summary>Not a link this site made, or altered since.</summary>
    Invalid,

    Expired,
}

/// <summary>Seals moderation links with Data Protection; the expiry is inside the seal, so an expired link is told apart from a forged one.</summary>
public sealed class ModerationLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public const int MaxLength = 1_024;

    private readonly IDataProtector protector = protection.CreateProtector("BlogSite.Email.ModerationLink");

    public string Create(ModerationLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var text = string.Join('\n',
            link.CommentId.ToString(CultureInfo.InvariantCulture),
            ((int)link.Action).ToString(CultureInfo.InvariantCulture),
            link.UserId,
            link.StampHash,
            link.LastEventId.ToString(CultureInfo.InvariantCulture),
            link.ExpiresAt.Ticks.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes(text)));
    }

    public (ModerationLink? Link, ModerationLinkProblem Problem) Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            return (null, ModerationLinkProblem.Invalid);
        }

        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(protector.Unprotect(Base64Url.DecodeFromChars(token))).Split('\n');
        }
        catch (CryptographicException)
        {
            return (null, ModerationLinkProblem.Invalid);
        }

        // Sealed by this site, so well formed; the parse still guards against a change of format between versions.
        if (parts.Length != 6
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var commentId)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var action)
            || !Enum.IsDefined((ModerationAction)action)
            || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var lastEventId)
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (null, ModerationLinkProblem.Invalid);
        }

        var link = new ModerationLink(commentId, (ModerationAction)action, parts[2], parts[3], lastEventId, new DateTime(expires, DateTimeKind.Utc));
        return link.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? (link, ModerationLinkProblem.Expired) : (link, ModerationLinkProblem.None);
    }
}
