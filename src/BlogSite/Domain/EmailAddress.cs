using System.Globalization;

namespace BlogSite.Domain;

/// <summary>The rules for an e-mail address a reader types.</summary>
public static class EmailAddress
{
    /// <summary>The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets).</summary>
    public const int MaxLength = 254;

    private const int MaxLocalLength = 64;

    /// <summary>
    /// The address as one mailbox is stored, or null when it is not an address mail can be sent to. Lower-cased
    /// whole: mail systems treat the local part without regard to case in practice, and "Ann@example.com" typed once
    /// and "ann@example.com" typed later must be one reader, with one confirmation. Display names ("Ann &lt;a@b&gt;"),
    /// comments, quoted local parts, several addresses and bare hosts are refused rather than guessed at.
    /// </summary>
    public static string? Normalise(string? typed)
    {
        var address = typed?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength)
        {
            return null;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at > MaxLocalLength)
        {
            return null;
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (!IsLocalPart(local) || !IsDomain(domain))
        {
            return null;
        }

        return address.ToLower(CultureInfo.InvariantCulture);
    }

    // Dot-atom text (RFC 5322) and UTF-8 letters (RFC 6531): no dot at either end, none doubled.
    private static bool IsLocalPart(string local) =>
        !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal) || (c > 127 && char.IsLetterOrDigit(c)));

    // Host names of two or more labels, each of letters, digits and inner hyphens; an address literal ([192.0.2.1]) is refused.
    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        return domain.Length <= 253 && labels.Length >= 2 && labels.All(label =>
            label.Length is > 0 and <= 63 && !label.StartsWith('-') && !label.EndsWith('-')
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || (c > 127 && char.IsLetterOrDigit(c))));
    }
}
