using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace BlogSite.Web;

/// <summary>
/// The canonical request a cached page is kept under: the path, and the query values the page declares in
/// <see cref="ReaderPageAttribute"/>, parsed. Query names the page does not read are left out, so junk in the
/// query string finds the canonical page and never makes a new entry.
/// </summary>
public static class ReaderPageCacheKey
{
    // Razor Pages picks a handler by this query name, so it can change what a page renders.
    private const string HandlerName = "handler";

    private const string SchemeSeparator = "://";

    /// <summary>
    /// The key, or null when a declared value is malformed (not a canonical positive number, empty, or given
    /// twice) or a handler is named: the page answers such a request itself, and nothing is kept for it.
    /// </summary>
    /// <param name="request">The request, for its query string and, with <paramref name="withOrigin"/>, its scheme and host.</param>
    /// <param name="path">The request's path, as routing matched it.</param>
    /// <param name="page">The page's declaration of the query values it reads.</param>
    /// <param name="withOrigin">Whether the scheme and host are part of the key ("https://blog.example.com/tags/go"): when links on the page depend on them.</param>
    public static string? Of(HttpRequest request, string path, ReaderPageAttribute page, bool withOrigin)
    {
        var queryString = request.QueryString.Value;
        var names = page.Query;
        Span<int> values = names.Count <= 8 ? stackalloc int[8] : new int[names.Count];
        values = values[..names.Count];
        values.Clear();
        if (!string.IsNullOrEmpty(queryString))
        {
            foreach (var pair in new QueryStringEnumerable(queryString))
            {
                var name = pair.DecodeName().Span;
                if (name.Equals(HandlerName, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                var index = IndexOf(names, name);
                if (index < 0)
                {
                    continue;
                }

                // Valid values are positive, so a set slot means the name came twice.
                if (values[index] != 0 || !ReaderQueryAttribute.TryParseNumber(pair.DecodeValue().Span, out values[index]))
                {
                    return null;
                }
            }
        }

        var scheme = withOrigin ? request.Scheme : "";
        var host = withOrigin ? request.Host.Value ?? "" : "";
        var extra = withOrigin ? scheme.Length + SchemeSeparator.Length + host.Length : 0;
        for (var i = 0; i < names.Count; i++)
        {
            if (values[i] != 0)
            {
                extra += 2 + names[i].Length + Digits(values[i]);
            }
        }

        if (extra == 0)
        {
            return path;
        }

        var total = path.Length + extra;
        Span<char> key = total <= 512 ? stackalloc char[512] : new char[total];
        var at = 0;
        if (withOrigin)
        {
            scheme.AsSpan().CopyTo(key);
            at += scheme.Length;
            SchemeSeparator.AsSpan().CopyTo(key[at..]);
            at += SchemeSeparator.Length;
            host.AsSpan().CopyTo(key[at..]);
            at += host.Length;
        }

        path.AsSpan().CopyTo(key[at..]);
        at += path.Length;
        var separator = '?';
        for (var i = 0; i < names.Count; i++)
        {
            if (values[i] == 0)
            {
                continue;
            }

            key[at++] = separator;
            separator = '&';
            names[i].AsSpan().CopyTo(key[at..]);
            at += names[i].Length;
            key[at++] = '=';
            values[i].TryFormat(key[at..], out var written, default, CultureInfo.InvariantCulture);
            at += written;
        }

        return new string(key[..at]);
    }

    private static int IndexOf(IReadOnlyList<string> names, ReadOnlySpan<char> name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            // Query names bind without regard to case, so pageNumber and PAGENUMBER are one value.
            if (name.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Digits(int value)
    {
        var digits = 1;
        for (; value >= 10; value /= 10)
        {
            digits++;
        }

        return digits;
    }
}
