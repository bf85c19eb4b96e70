using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BlogSite.Domain;

/// <summary>URL-safe, lower-case names for articles, categories and tags.</summary>
public static partial class Slug
{
    public const int MaxLength = 120;

    // Route constraint and validation share this pattern so that every stored slug is reachable.
    // \z, not $: in .NET "$" also matches before a final newline, which would let "foo\n" through.
    public const string Pattern = @"^[a-z0-9]+(?:-[a-z0-9]+)*\z";

    [GeneratedRegex(Pattern)]
    private static partial Regex ValidRegex();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SeparatorRegex();

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && ValidRegex().IsMatch(value);

    /// <summary>Turns a title into a slug: "Héllo, World!" becomes "hello-world".</summary>
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                ascii.Append(c);
            }
        }

        var slug = SeparatorRegex().Replace(ascii.ToString().ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug;
    }
}
