using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace BlogSite.Web;

/// <summary>
/// Who a reader is, without an account: a random key in a cookie that is set only when the reader
/// hearts, comments or reports. A signed-in user is keyed by their account instead.
/// </summary>
public static partial class ReaderKeys
{
    public const string CookieName = "blog_reader";

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex ValidCookie();

    /// <summary>The reader's key, or null for a reader who has none yet.</summary>
    public static string? Find(HttpContext context)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            return "u:" + userId;
        }

        if (context.Items[CookieName] is string fresh)
        {
            return "r:" + fresh;
        }

        return context.Request.Cookies.TryGetValue(CookieName, out var value) && ValidCookie().IsMatch(value) ? "r:" + value : null;
    }

    /// <summary>The reader's key, setting the cookie first when there is none.</summary>
    public static string FindOrCreate(HttpContext context)
    {
        if (Find(context) is { } key)
        {
            return key;
        }

        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });

        // Later reads in this request see the new key too.
        context.Items[CookieName] = value;
        return "r:" + value;
    }
}
