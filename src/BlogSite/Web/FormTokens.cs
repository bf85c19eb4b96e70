using Microsoft.AspNetCore.Antiforgery;

namespace BlogSite.Web;

/// <summary>
/// Antiforgery for pages that are cached for readers without cookies. A cached page cannot carry a
/// per-reader token, so its forms come without one and the script asks this endpoint for a token on
/// first use. Without JavaScript the first post is answered 400 with the same form, now holding a
/// token and what the reader typed, so that pressing the button again goes through.
/// </summary>
public static class FormTokens
{
    public const string Path = "/antiforgery/token";

    /// <summary>Whether a page for this request may embed tokens: only when it will not be shared from the cache.</summary>
    public static bool CanEmbed(HttpContext context) => context.Request.Headers.Cookie.Count > 0;

    public static IEndpointRouteBuilder MapFormTokens(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (IAntiforgery antiforgery, HttpContext context) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { field = tokens.FormFieldName, token = tokens.RequestToken });
        });
        return endpoints;
    }
}
