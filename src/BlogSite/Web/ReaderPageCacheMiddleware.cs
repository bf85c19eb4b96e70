using System.Globalization;
using BlogSite.Counters;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace BlogSite.Web;

/// <summary>
/// Answers anonymous GET and HEAD requests for <see cref="ReaderPageAttribute"/> pages from
/// <see cref="ReaderPageCache"/>, and keeps what such pages send. A request with any cookie or an
/// Authorization header is rendered afresh, so nothing personal is stored or shown to others.
/// Runs after routing (it needs the endpoint) and before authentication, which public pages don't need.
/// A hit is sent gzipped when the reader accepts it, from the copy compressed when the page was kept.
/// </summary>
public sealed class ReaderPageCacheMiddleware(RequestDelegate next, ReaderPageCache cache, TimeProvider clock)
{
    // Headers the server writes for each response, or that make no sense to replay (the encoding is chosen per request).
    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Age, HeaderNames.ContentEncoding, HeaderNames.ContentLength, HeaderNames.Date, HeaderNames.Server,
        HeaderNames.SetCookie, HeaderNames.TransferEncoding, HeaderNames.Vary,
    };

    /// <summary>
    /// An anonymous GET or HEAD of a reader page: what this middleware serves and keeps. Such a page holds
    /// nothing personal and no form token, so it is safe to compress over HTTPS (see BREACH).
    /// </summary>
    public static bool IsSharedRead(HttpContext context) => SharedReadPage(context) is not null;

    /// <summary>A GET or HEAD with no cookie and no Authorization header: nothing in it is personal.</summary>
    public static bool IsAnonymousRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Cookie.Count == 0
        && request.Headers.Authorization.Count == 0;

    private static ReaderPageAttribute? SharedReadPage(HttpContext context) =>
        IsAnonymousRead(context.Request) ? context.GetEndpoint()?.Metadata.GetMetadata<ReaderPageAttribute>() : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (SharedReadPage(context) is not { } readerPage)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var path = PathOf(request);
        if (cache.KeyOf(request, path, readerPage) is not { } key)
        {
            // A malformed query value is answered by the page and kept under no key.
            await next(context);
            return;
        }

        var isGet = HttpMethods.IsGet(request.Method);
        if (cache.TryGet(key, out var page))
        {
            await ServeAsync(context, page, clock.GetUtcNow());
            return;
        }

        if (!isGet)
        {
            await next(context);
            return;
        }

        var version = cache.Version;
        var bodyFeature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var copy = new BodyCopyStream(bodyFeature.Stream, ReaderPageCache.MaxPageBytes);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(copy, bodyFeature));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(bodyFeature);
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK
            && response.Headers.SetCookie.Count == 0
            && !IsPrivate(response.Headers.CacheControl)
            && copy.Copied is { } body)
        {
            cache.Store(key, path, body, KeptHeaders(response.Headers), version, ViewCountingMiddleware.ViewedSlugOf(context));
        }
    }

    // Routing ignores a trailing slash, so /tags/go and /tags/go/ share one entry.
    public static string PathOf(HttpRequest request)
    {
        var path = request.PathBase.Add(request.Path).Value ?? "/";
        return path.Length > 1 && path.EndsWith('/') ? path.TrimEnd('/') : path;
    }

    private static bool IsPrivate(Microsoft.Extensions.Primitives.StringValues cacheControl) =>
        cacheControl.Any(value => value is not null
            && (value.Contains("no-store", StringComparison.OrdinalIgnoreCase) || value.Contains("private", StringComparison.OrdinalIgnoreCase)));

    private static KeyValuePair<string, string>[] KeptHeaders(IHeaderDictionary headers) =>
        [.. headers.Where(header => !NotKept.Contains(header.Key)).Select(header => KeyValuePair.Create(header.Key, header.Value.ToString()))];

    /// <summary>Sends a kept page: its headers, gzipped when the reader accepts it, the body only for a GET.</summary>
    public static Task ServeAsync(HttpContext context, CachedPage page, DateTimeOffset now)
    {
        var request = context.Request;
        var withBody = HttpMethods.IsGet(request.Method);
        var gzip = AcceptsGzip(request);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in page.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers.Age = AgeText((long)(now - page.StoredAt).TotalSeconds);
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        var body = page.Body;
        if (gzip)
        {
            // Set before the first write, so the response compression around this middleware passes it through.
            response.Headers.ContentEncoding = "gzip";
            body = page.GzipBody;
        }

        response.ContentLength = body.Length;
        return withBody ? response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted) : Task.CompletedTask;
    }

    // A page lives seconds (ViewOptions.FlushSeconds), so its age is nearly always one of these, made once.
    private static readonly string[] Ages = [.. Enumerable.Range(0, 600).Select(age => age.ToString(CultureInfo.InvariantCulture))];

    private static string AgeText(long seconds) =>
        seconds >= 0 && seconds < Ages.Length ? Ages[seconds] : seconds.ToString(CultureInfo.InvariantCulture);

    // gzip, or *, listed with a quality above zero: "gzip;q=0" refuses it.
    private static bool AcceptsGzip(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var encodings))
        {
            return false;
        }

        var gzip = encodings.FirstOrDefault(e => e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            ?? encodings.FirstOrDefault(e => e.Value.Equals("*", StringComparison.Ordinal));
        return gzip is not null && gzip.Quality.GetValueOrDefault(1) > 0;
    }
}
