using System.Text;

namespace BlogSite.IntegrationTests;

/// <summary>
/// Shapes from shared/testdata/pathological-markdown.md small enough to post as a comment (at most 10,000
/// characters), plus a reference-link blow-up: 10 KB of Markdown that would write megabytes of HTML.
/// </summary>
internal static class PathologicalInputs
{
    public static IReadOnlyDictionary<string, string> Comments { get; } = new Dictionary<string, string>
    {
        ["B1 nested >"] = Repeat(">", 9_990) + " a",
        ["B2 ["] = Repeat("[", 10_000),
        ["B3 nested - items"] = Repeat("- ", 4_999) + "x",
        ["A1 nested strong emph"] = Repeat("*a **a ", 700) + "b" + Repeat(" a** a*", 700),
        ["A14 nested block quotes"] = Repeat("> ", 4_999) + "a",
        ["one reference used thousands of times"] = ReferenceBlowUp(),
    };

    /// <summary>
    /// Brackets nested 4,999 deep render as literal text in about the comment time limit, so whether a reader
    /// sees the preview or "took too long" depends on the machine's load: both are right, an error is not.
    /// </summary>
    public static string SlowBrackets { get; } = Repeat("[", 4_999) + "a" + Repeat("]", 4_999);

    /// <summary>Which of the comment shapes are refused as nested too deeply (the rest are refused as too long once formatted).</summary>
    public static bool IsTooDeep(string shape) => !shape.StartsWith("one reference", StringComparison.Ordinal);

    public static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string ReferenceBlowUp() =>
        "[r]: https://example.com/" + Repeat("long-path/", 100) + "\n\n" + Repeat("[r] ", 2_200);
}
