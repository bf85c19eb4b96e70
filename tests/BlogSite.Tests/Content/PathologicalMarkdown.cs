using System.Globalization;
using System.Text;

namespace BlogSite.Tests.Content;

/// <summary>
/// The input shapes of shared/testdata/pathological-markdown.md (sections A and B), generated here
/// because they are megabytes long. Counts are those of the file unless a comment says otherwise.
/// </summary>
internal static class PathologicalMarkdown
{
    public static IReadOnlyDictionary<string, Func<string>> Shapes { get; } = new Dictionary<string, Func<string>>
    {
        ["A1 nested strong emph"] = () => Repeat("*a **a ", 32500) + "b" + Repeat(" a** a*", 32500),
        ["A2 many emph closers with no openers"] = () => Repeat("a_ ", 32500),
        ["A3 many emph openers with no closers"] = () => Repeat("_a ", 32500),
        ["A4 many link closers with no openers"] = () => Repeat("a]", 32500),
        ["A5 many link openers with no closers"] = () => Repeat("[a", 32500),
        ["A6 mismatched openers and closers"] = () => Repeat("*a_ ", 25000),
        ["A7 issue 389"] = () => Repeat("*a ", 20000) + Repeat("_a*_ ", 20000),
        ["A8 openers and closers multiple of 3"] = () => "a**b" + Repeat("c* ", 25000),
        ["A9 link openers and emph closers"] = () => Repeat("[ a_", 25000),
        ["A10 pattern [ (]( repeated"] = () => Repeat("[ (](", 40000),
        ["A11 pattern ![[]() repeated"] = () => Repeat("![[]()", 160000),
        ["A12 hard link/emph case"] = () => "**x [a*b**c*](d)",
        ["A13 nested brackets"] = () => Repeat("[", 25000) + "a" + Repeat("]", 25000),
        ["A14 nested block quotes"] = () => Repeat("> ", 25000) + "a",
        ["A15 deeply nested lists"] = () => string.Concat(Enumerable.Range(0, 500).Select(x => Repeat("  ", x) + "* a\n")),
        ["A16 U+0000 in input"] = () => "abc\u0000de\u0000",
        ["A17 backticks"] = () => string.Concat(Enumerable.Range(1, 2499).Select(x => "e" + new string('`', x))),
        ["A18 unclosed links A"] = () => Repeat("[a](<b", 30000),
        ["A19 unclosed links B"] = () => Repeat("[a](b", 30000),
        ["A20 unclosed <!--"] = () => "</" + Repeat("<!--", 300000),
        ["A21 empty lines in deeply nested lists"] = () => Repeat("- ", 30000) + "x" + Repeat("\n", 30000),
        ["A22 empty lines in nested lists in a blockquote"] = () => "> " + Repeat("- ", 30000) + "x\n" + Repeat(">\n", 30000),
        ["A23 emph in deep blockquote"] = () => Repeat(">", 100000) + Repeat("a*", 100000),
        ["A24 reference collisions"] = () => ReferenceCollisions(25000),
        // Scaled down 16x from cmark's 800 000 definitions and 50 000 uses (cmark itself lets this one fail).
        ["A25 many references (1/16 scale)"] = () =>
            string.Concat(Enumerable.Range(1, 50_000).Select(x => $"[{x.ToString(CultureInfo.InvariantCulture)}]: u\n")) + Repeat("[0] ", 3125),
        ["B1 10000 nested >"] = () => Repeat(">", 10000) + " a",
        ["B2 10000 ["] = () => Repeat("[", 10000),
        ["B3 30000 nested - items"] = () => Repeat("- ", 30000) + "x",
        ["B4 80000 nested * items"] = () => Repeat("* ", 80000) + "a",
        ["B7 100000 <div> (raw HTML)"] = () => Repeat("<div>", 100000) + "x",
    };

    public static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary>
    /// As cmark's test: keys "x0", "x1", ... whose cmark reference hash lands in bucket 0 of 16; the first
    /// is the key that is used (and never defined), each of the others is defined and followed by that use.
    /// </summary>
    private static string ReferenceCollisions(int count)
    {
        var keys = Keys().Where(k => CmarkHash(k) % 16 == 0).Take(count).ToList();
        var used = keys[0];
        var text = new StringBuilder();
        foreach (var key in keys.Skip(1))
        {
            text.Append('[').Append(key).Append("]: /url\n\n[").Append(used).Append("]\n\n");
        }

        return text.ToString();

        static IEnumerable<string> Keys()
        {
            for (var i = 0; ; i++)
            {
                yield return "x" + i.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static uint CmarkHash(string key)
    {
        uint hash = 0;
        foreach (var c in key)
        {
            hash = unchecked(c + (hash << 6) + (hash << 16) - hash);
        }

        return hash;
    }
}
