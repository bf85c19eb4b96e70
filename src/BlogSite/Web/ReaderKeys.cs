using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace BlogSite.Web;

/// <summary>
/// Who a reader is, without an account: a random id that the server issues in a cookie, sealed with Data
/// Protection, so that only a value this site issued counts as a reader. The cookie is set only when the
/// reader hearts, comments or reports. A signed-in user is keyed by their account instead.
/// </summary>
public static class ReaderKeys
{
    public const string CookieName = "blog_reader";

    private const string Purpose = "BlogSite.ReaderKey";
    private const int IdBytes = 16;

    // A sealed 16-byte id is about 155 characters; anything much longer is not one of ours and is not worth decoding.
    private const int MaxCookieLength = 512;

    private static readonly object ItemKey = new();

    /// <summary>The reader's key, or null for a reader who has none yet or whose cookie this site did not issue.</summary>
    public static string? Find(HttpContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            return "u:" + userId;
        }

        if (context.Items.TryGetValue(ItemKey, out var known))
        {
            return (string?)known;
        }

        var key = Open(context);
        context.Items[ItemKey] = key;
        return key;
    }

    /// <summary>The reader's key, issuing a fresh cookie first when there is no valid one.</summary>
    public static string FindOrCreate(HttpContext context)
    {
        if (Find(context) is { } key)
        {
            return key;
        }

        (key, var cookie) = Issue(context.RequestServices.GetRequiredService<IDataProtectionProvider>());
        context.Response.Cookies.Append(CookieName, cookie, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });

        // Later reads in this request see the new key too.
        context.Items[ItemKey] = key;
        return key;
    }

    /// <summary>A new reader: their key and the cookie value that carries it.</summary>
    public static (string Key, string Cookie) Issue(IDataProtectionProvider protection)
    {
        var id = RandomNumberGenerator.GetBytes(IdBytes);
        return (KeyOf(id), Base64Url.EncodeToString(protection.CreateProtector(Purpose).Protect(id)));
    }

    private static string? Open(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value)
            || value.Length > MaxCookieLength
            || !Base64Url.IsValid(value))
        {
            return null;
        }

        try
        {
            var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
            var id = protector.Unprotect(Base64Url.DecodeFromChars(value));
            return id.Length == IdBytes ? KeyOf(id) : null;
        }
        catch (CryptographicException)
        {
            // Invented, tampered, from before keys were sealed, or sealed with a key the ring no longer has.
            return null;
        }
    }

    private static string KeyOf(byte[] id) => "r:" + Base64Url.EncodeToString(id);
}
