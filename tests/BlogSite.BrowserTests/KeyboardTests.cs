using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace BlogSite.BrowserTests;

/// <summary>A reader with only a keyboard: the skip link, Tab through every control with a focus ring in sight, and form errors.</summary>
public sealed class KeyboardTests(BrowserFixture site, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Slug = "sizing-go-worker-pools";

    /// <summary>
    /// Marks every element a reader should reach with Tab (shown, enabled, not taken out of the order) with
    /// data-tab-probe, notes the box-shadow it has at rest, and returns how each is described in a failure.
    /// </summary>
    private const string MarkTabStops = """
        () => {
          const stops = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")].filter(el =>
            el.tabIndex >= 0 && !el.disabled && el.type !== "hidden" && el.getClientRects().length > 0
            && getComputedStyle(el).visibility !== "hidden" && !el.closest("[aria-hidden='true'], [inert]")
            // A group of radio buttons is one stop, its checked button; the arrow keys move within it.
            && !(el.type === "radio" && !el.checked && document.querySelector(`input[type=radio][name="${el.name}"]:checked`)));
          return stops.map((el, i) => {
            el.dataset.tabProbe = String(i);
            el.dataset.restShadow = getComputedStyle(el).boxShadow;
            const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 40);
            return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + String(el.className).split(" ")[0] : ""} "${text}"`;
          });
        }
        """;

    /// <summary>
    /// The focused element's probe, and whether a focus indicator shows: an outline on it or on its ::after
    /// (the card title's ring is drawn around the whole card), or a box-shadow it does not have at rest.
    /// </summary>
    private const string DescribeFocus = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body || el.dataset.tabProbe === undefined) {
            return { probe: -1, ring: false, focusVisible: false };
          }
          const outlined = style => style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
          const style = getComputedStyle(el);
          const ring = outlined(style) || outlined(getComputedStyle(el, "::after"))
            || (style.boxShadow !== "none" && style.boxShadow !== el.dataset.restShadow);
          return { probe: Number(el.dataset.tabProbe), ring, focusVisible: el.matches(":focus-visible") };
        }
        """;

    [BrowserFact]
    public async Task SkipLink_FirstTab_FocusesItInView_AndEnterMovesFocusToMain()
    {
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync();
        await page.GotoAsync("/");
        var skip = page.Locator(".skip-link");
        await Expect(skip).Not.ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Tab");

        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToHaveTextAsync("Skip to content");
        await Expect(skip).ToBeInViewportAsync();
        Assert.NotEqual("none", await skip.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle"));
        await SaveAsync(page, "skip-link-focused.png", page.Locator(".site-header"));

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        Assert.EndsWith("/#main", page.Url, StringComparison.Ordinal);
        // The next Tab goes on from the main content, past the header's links.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "After the skip link, Tab should move within the main content.");
        Assert.Empty(pages.Errors);
    }

    [BrowserFact]
    public Task HomePage_EveryControl_ReachedByTabWithAVisibleFocusRing() => AssertTabReachesEveryControlAsync("/");

    [BrowserFact]
    public Task SearchResults_EveryControl_ReachedByTabWithAVisibleFocusRing() => AssertTabReachesEveryControlAsync("/search?q=test");

    [BrowserFact]
    public Task Archive_EveryControl_ReachedByTabWithAVisibleFocusRing() => AssertTabReachesEveryControlAsync("/archive");

    [BrowserFact]
    public Task ArchiveMonth_EveryControl_ReachedByTabWithAVisibleFocusRing() => AssertTabReachesEveryControlAsync("/archive/2026/09");

    [BrowserFact]
    public async Task ArticleWithComments_EveryControl_ReachedByTabWithAVisibleFocusRing()
    {
        var first = await site.SeedCommentAsync(Slug, "Priya Raman", "Little's law: see [the paper](https://example.com/little).", "r:keyboard-reader-00001");
        await site.SeedCommentAsync(Slug, "Tom", "And `GOMAXPROCS`?", "r:keyboard-reader-00002", first);

        await AssertTabReachesEveryControlAsync($"/articles/{Slug}", page =>
            Expect(page.Locator(".comment__replies .comment")).ToHaveCountAsync(1));
    }

    [BrowserFact]
    public async Task RefusedComment_OpensOnTheAnnouncedSummary_ThenTabReachesTheMarkedField()
    {
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync();
        await page.GotoAsync($"/articles/{Slug}");
        var form = page.Locator("#comment-form");
        await form.GetByLabel("Comment").FillAsync("A comment without a name.");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Post comment" }).ClickAsync();
        await BrowserPages.WaitForUrlAsync(page, url => url.EndsWith($"/articles/{Slug}/comments#comment-form", StringComparison.Ordinal), "the refused comment");

        var summary = page.Locator("#comment-form .form__errors[role='alert']");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("correct the field marked below");
        var name = page.GetByLabel("Name");
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(name).ToHaveAccessibleDescriptionAsync("Please give a name to show with your comment.");
        await Expect(page.GetByLabel("Comment")).ToHaveValueAsync("A comment without a name.");
        await SaveAsync(page, "comment-form-errors.png", page.Locator("#comment-form"));

        await page.Keyboard.PressAsync("Tab");
        await Expect(name).ToBeFocusedAsync();
        // The refusal's 422 is the only thing that went wrong: no script error, no blocked style.
        Assert.All(pages.Errors, error => Assert.Contains("422", error, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task RefusedSignIn_OpensOnTheAnnouncedSummary_WithEachFieldTiedToItsError()
    {
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync();
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();

        await Expect(page.Locator("main .form__errors[role='alert']")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Email")).ToHaveAccessibleDescriptionAsync("The Email field is required.");
        await Expect(page.GetByLabel("Password")).ToHaveAccessibleDescriptionAsync("The Password field is required.");
    }

    /// <summary>
    /// Presses Tab from the top of <paramref name="path"/> until focus comes round again, and fails naming every control
    /// that was never reached or showed no focus indicator when it was.
    /// </summary>
    private async Task AssertTabReachesEveryControlAsync(string path, Func<IPage, Task>? ready = null)
    {
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync();
        await page.GotoAsync(path);
        if (ready is not null)
        {
            await ready(page);
        }

        var stops = await page.EvaluateAsync<string[]>(MarkTabStops);
        var reached = new HashSet<int>();
        var problems = new List<string>();
        for (var press = 0; press < stops.Length + 10; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<JsonElement>(DescribeFocus);
            var probe = focus.GetProperty("probe").GetInt32();
            if (probe < 0 || !reached.Add(probe))
            {
                if (reached.Count == stops.Length)
                {
                    break;
                }

                continue;
            }

            if (!focus.GetProperty("ring").GetBoolean() || !focus.GetProperty("focusVisible").GetBoolean())
            {
                problems.Add($"no visible focus ring on {stops[probe]}");
            }
        }

        problems.AddRange(Enumerable.Range(0, stops.Length).Where(i => !reached.Contains(i)).Select(i => $"never reached by Tab: {stops[i]}"));
        output.WriteLine($"{path}: {reached.Count} of {stops.Length} controls reached by Tab");
        Assert.True(stops.Length > 10, $"Only {stops.Length} controls found on {path}");
        Assert.True(problems.Count == 0, $"{path}:\n{string.Join("\n", problems)}");
        Assert.Empty(pages.Errors);
    }

    /// <summary>Saves the part of the page around <paramref name="element"/>, with a margin so that a focus ring on its edge shows.</summary>
    private async Task SaveAsync(IPage page, string name, ILocator element)
    {
        const float Margin = 16;
        await element.ScrollIntoViewIfNeededAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"Nothing to see for {name}");
        var file = Path.Combine(BrowserFixture.ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = file,
            Clip = new Clip { X = Math.Max(0, box.X - Margin), Y = Math.Max(0, box.Y - Margin), Width = box.Width + 2 * Margin, Height = box.Height + 2 * Margin },
        });
        output.WriteLine(file);
    }
}
