using System.Globalization;
using System.Text;
using BlogSite.Content;

namespace BlogSite.Export;

/// <summary>
/// Writes an article as a content/ file that <see cref="FrontMatterParser"/> reads back to the same values. Every
/// text is double-quoted with YAML's escapes, so a title with a colon, a '#', quotes, a leading '-' or a line break
/// is read as the words it is, never as YAML syntax; dates are UTC to the tick.
/// </summary>
public static class FrontMatterWriter
{
    private const string Fence = "---";

    public static string Write(FrontMatter frontMatter, string body)
    {
        ArgumentNullException.ThrowIfNull(frontMatter);
        ArgumentNullException.ThrowIfNull(body);
        var text = new StringBuilder();
        text.Append(Fence).Append('\n');
        Field(text, "title", Quote(frontMatter.Title));
        Field(text, "slug", Quote(frontMatter.Slug));
        Field(text, "summary", Quote(frontMatter.Summary));
        Field(text, "category", Quote(frontMatter.Category));
        List(text, "tags", frontMatter.Tags);
        Field(text, "author", Quote(frontMatter.Author));
        if (frontMatter.Date is { } date)
        {
            Field(text, "date", Quote(Date(date)));
        }

        Field(text, "draft", Bool(frontMatter.Draft));
        Field(text, "ads", Bool(frontMatter.Ads));
        Field(text, "comments", Bool(frontMatter.Comments));
        List(text, "aliases", frontMatter.Aliases);
        text.Append(Fence).Append('\n');
        // The parser drops the line breaks that follow the closing fence, so the body starts right after it.
        text.Append(body.Replace("\r\n", "\n", StringComparison.Ordinal));
        return text.ToString();
    }

    /// <summary>A UTC time as ISO 8601 with as many fractional digits as it has, e.g. 2026-03-14T09:30:00Z.</summary>
    public static string Date(DateTime date) =>
        DateTime.SpecifyKind(date, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="value"/> as a YAML double-quoted scalar: quotes and backslashes escaped, and every character
    /// YAML does not allow as written or would read as a line break (controls, U+0085, U+2028, U+2029, the BOM) as an escape.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case var c when IsPrintable(c):
                    text.Append(rune.ToString());
                    break;
                case var c when c <= 0xFFFF:
                    text.Append(CultureInfo.InvariantCulture, $"\\u{c:X4}");
                    break;
                case var c:
                    text.Append(CultureInfo.InvariantCulture, $"\\U{c:X8}");
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    // YAML 1.2's printable set less the characters it treats as line breaks (U+0085, U+2028, U+2029) and the BOM.
    private static bool IsPrintable(int c) =>
        c is (>= 0x20 and <= 0x7E) or (>= 0xA0 and <= 0xD7FF and not 0x2028 and not 0x2029) or (>= 0xE000 and <= 0xFFFD and not 0xFEFF)
            or (>= 0x10000 and <= 0x10FFFF);

    private static string Bool(bool value) => value ? "true" : "false";

    private static void Field(StringBuilder text, string key, string value) => text.Append(key).Append(": ").Append(value).Append('\n');

    private static void List(StringBuilder text, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            Field(text, key, "[]");
            return;
        }

        text.Append(key).Append(":\n");
        foreach (var value in values)
        {
            text.Append("  - ").Append(Quote(value)).Append('\n');
        }
    }
}
