using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests;

/// <summary>axe-core's WCAG 2.2 AA rules, run on a page as it stands, reported so that a failure says what to fix and where.</summary>
public static class Axe
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = RunOnlyOptions.Tags("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"),
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>One paragraph per violated rule: its id, impact and help, then each element's selector and what is wrong with it.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag22AA);
        return result.Violations.Select(Describe).ToList();
    }

    private static string Describe(AxeResultItem violation)
    {
        var elements = violation.Nodes.Select(node =>
            $"\n    {node.Target}: {string.Join(" ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message))}");
        return $"{violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}{string.Concat(elements)}";
    }
}
