using AngleSharp.Html.Parser;

namespace BlogSite.IntegrationTests;

/// <summary>The shared hostile inputs (../shared/testdata/xss-sample.txt) and the check that a page shows them inert.</summary>
public static class XssSample
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster"];

    public static IReadOnlyList<string> Lines { get; } = File.ReadAllLines(Path.Combine(SharedFolder(), "testdata", "xss-sample.txt"))
        .Where(l => l.Length > 0)
        .Select(l => l.Replace("{NL}", "\n", StringComparison.Ordinal))
        .ToList();

    /// <summary>
    /// Inline scripts that would run: any in the body, and any in the head but the JSON-LD data blocks
    /// the site writes there (a title that broke out of one would make a second, plain script).
    /// </summary>
    public const string InlineScript = "body script:not([src]), head script:not([src]):not([type='application/ld+json'])";

    public static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll(InlineScript));
        Assert.Empty(document.QuerySelectorAll("iframe, object, embed, svg, math, base, meta[http-equiv]"));
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}>");
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase))
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal)
                        || value.StartsWith("data:text/html", StringComparison.Ordinal), $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
        }
    }

    private static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(BlogFactory.RepositoryRoot); dir is not null; dir = dir.Parent)
        {
            var shared = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(shared, "testdata")))
            {
                return shared;
            }
        }

        throw new InvalidOperationException("shared/testdata not found beside the repository");
    }
}
