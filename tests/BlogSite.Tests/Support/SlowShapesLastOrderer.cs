using Xunit.Abstractions;
using Xunit.Sdk;

namespace BlogSite.Tests.Support;

/// <summary>
/// Orders the pathological shapes: quick checks first, then the shapes in document order, the known-slow
/// ones last. A render that outlives the time limit keeps a core busy in the background (it cannot be
/// cancelled), so running the slow ones last keeps the other shapes' timings honest.
/// </summary>
public sealed class SlowShapesLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "BlogSite.Tests.Support." + nameof(SlowShapesLastOrderer);
    public const string AssemblyName = "BlogSite.Tests";

    /// <summary>
    /// Shapes that Markdig 1.6.0 takes longer than the 5 s limit to render on a 2-core machine (measured
    /// without a limit: A10 32 s, A19 25 s, A17 15 s, A25 at 1/16 scale 8 s; all grow about quadratically).
    /// </summary>
    public static readonly IReadOnlySet<string> KnownSlow = new HashSet<string>(StringComparer.Ordinal)
    {
        "A10 pattern [ (]( repeated",
        "A17 backticks",
        "A19 unclosed links B",
        "A25 many references (1/16 scale)",
    };

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase
    {
        var order = PathologicalShapeNames();
        return testCases
            .Select(testCase => (testCase, shape: testCase.TestMethodArguments?.FirstOrDefault() as string))
            .OrderBy(t => t.shape is null ? 0 : KnownSlow.Contains(t.shape) ? 2 : 1)
            .ThenBy(t => t.shape is null ? 0 : order.IndexOf(t.shape))
            .ThenBy(t => t.testCase.DisplayName, StringComparer.Ordinal)
            .Select(t => t.testCase);
    }

    private static List<string> PathologicalShapeNames() => [.. BlogSite.Tests.Content.PathologicalMarkdown.Shapes.Keys];
}
