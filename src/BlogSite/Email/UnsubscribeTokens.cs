using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace BlogSite.Email;

/// <summary>
/// The proof in an unsubscribe link: a scope and a subject sealed with Data Protection, so only this site can make
/// one, and one names exactly what it stops. They do not expire — a message read a year later must still let its
/// reader out — and need no storage: the keys that sealed them stay in the key ring (in the store) to open them.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    /// <summary>A token is about 150 characters; anything much longer is not one of ours and is not worth opening.</summary>
    public const int MaxLength = 1_024;

    private readonly IDataProtector protector = protection.CreateProtector("BlogSite.Email.Unsubscribe");

    public string Create(string scope, string subject)
    {
        if (scope.Length == 0 || !scope.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"An unsubscribe scope is letters, digits and '-'; '{scope}' is not.", nameof(scope));
        }

        return Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes(scope + "\n" + subject)));
    }

    /// <summary>The scope and subject a token names, or null when this site did not make it (invented, cut short, tampered with).</summary>
    public (string Scope, string Subject)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(protector.Unprotect(Base64Url.DecodeFromChars(token)));
            var split = text.IndexOf('\n', StringComparison.Ordinal);
            return split <= 0 ? null : (text[..split], text[(split + 1)..]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
