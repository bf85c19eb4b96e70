using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BlogSite.Domain;

/// <summary>Rules for what readers type into the comment form.</summary>
public static partial class CommentText
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>
    /// NFC, without control or bidirectional-override characters, with runs of spaces collapsed, so
    /// that a name cannot hide, reverse or impersonate text around it.
    /// </summary>
    public static string NormaliseName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var kept = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                kept.Append(char.IsWhiteSpace(c) ? ' ' : '\0');
                continue;
            }

            kept.Append(c);
        }

        return Whitespace().Replace(kept.Replace("\0", "").ToString(), " ").Trim();
    }

    /// <summary>Line endings made uniform and trailing space trimmed; the text is otherwise the reader's.</summary>
    public static string NormaliseBody(string? body) =>
        (body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>The first blocked word the text contains as a whole word, any case; null when none.</summary>
    public static string? FindBlockedWord(string text, IEnumerable<string> blocklist)
    {
        foreach (var word in blocklist.Where(w => !string.IsNullOrWhiteSpace(w)))
        {
            if (Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word.Trim())}(?![\p{{L}}\p{{N}}])",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
            {
                return word.Trim();
            }
        }

        return null;
    }
}
