using BlogSite.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlogSite.BrowserTests;

/// <summary>
/// axe's WCAG 2.2 AA rules on the pages readers, authors and moderators use, in the states they meet them
/// (with comments, with form errors), in both the light and the dark colour scheme the site follows.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    private const string Slug = "sizing-go-worker-pools";
    private const string Password = "accessibility-test-password";

    private static readonly ColorScheme[] Schemes = [ColorScheme.Light, ColorScheme.Dark];

    [BrowserFact]
    public Task HomePage_HasNoAxeViolations() => AssertAddressHasNoViolationsAsync("/");

    [BrowserFact]
    public async Task ArticleWithComments_HasNoAxeViolations()
    {
        var first = await site.SeedCommentAsync(Slug, "Priya Raman",
            "Little's law says **L = λW**; see [the paper](https://example.com/little).\n\n```go\nworkers := runtime.NumCPU()\n```",
            "r:axe-reader-0000000001");
        await site.SeedCommentAsync(Slug, "Tom", "And `GOMAXPROCS` in containers?", "r:axe-reader-0000000002", first);

        // On a phone the article's table and long lines of code scroll sideways in their own boxes.
        await AssertHasNoViolationsAsync(async page =>
        {
            await page.GotoAsync($"/articles/{Slug}");
            await Expect(page.Locator(".comment__replies .comment")).ToHaveCountAsync(1);
        }, 390, 1280);
    }

    [BrowserFact]
    public Task ArticleWithFootnotesAndCode_HasNoAxeViolations() => AssertAddressHasNoViolationsAsync("/articles/reading-go-stack-traces");

    [BrowserFact]
    public Task CommentFormWithErrors_HasNoAxeViolations() => AssertHasNoViolationsAsync(async page =>
    {
        await page.GotoAsync($"/articles/{Slug}");
        await page.Locator("#comment-form").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Post comment" }).ClickAsync();
        await Expect(page.Locator("#comment-name-error")).Not.ToBeEmptyAsync();
    });

    [BrowserFact]
    public Task SearchResults_HaveNoAxeViolations() => AssertAddressHasNoViolationsAsync("/search?q=logging");

    [BrowserFact]
    public Task SearchWithoutResults_AndRefused_HaveNoAxeViolations() => AssertHasNoViolationsAsync(async page =>
    {
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("\"((*"));
        await Expect(page.Locator(".search-status__refusal")).ToBeVisibleAsync();
        await page.GotoAsync("/search?q=zzzzqqq");
        await Expect(page.Locator("#search-status")).ToContainTextAsync("No articles match");
    });

    [BrowserFact]
    public Task Archive_HasNoAxeViolations() => AssertAddressHasNoViolationsAsync("/archive");

    [BrowserFact]
    public Task ArchiveMonth_HasNoAxeViolations() => AssertAddressHasNoViolationsAsync("/archive/2026/09");

    [BrowserFact]
    public Task SignIn_HasNoAxeViolations() => AssertAddressHasNoViolationsAsync("/account/login");

    [BrowserFact]
    public Task SignInWithWrongPassword_HasNoAxeViolations() => AssertHasNoViolationsAsync(async page =>
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync("nobody@blogsite.test");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".form__errors")).ToContainTextAsync("don't match");
    });

    [BrowserFact]
    public async Task ModerationQueue_HasNoAxeViolations()
    {
        // Three links hold a comment for review, so the queue has rows with their held reasons.
        await site.SeedCommentAsync(Slug, "Held Reader",
            "See [a](https://a.example), [b](https://b.example) and [c](https://c.example).", "r:axe-reader-0000000003");
        await site.SeedCommentAsync(Slug, "Published Reader", "Plain words.", "r:axe-reader-0000000004");
        await site.SeedCommentAsync(Slug, "Another Held Reader",
            "Also [d](https://d.example), [e](https://e.example) and [f](https://f.example).", "r:axe-reader-0000000005");
        await site.CreateUserAsync("axe-mod@blogsite.test", "Axe Moderator", Password, Roles.Moderator);

        await AssertHasNoViolationsAsync(async page =>
        {
            await page.GotoAsync("/account/login?returnUrl=%2Fadmin%2Fcomments");
            await BrowserPages.SignInAsync(page, "axe-mod@blogsite.test", Password);
            await Expect(page.Locator(".mod-row")).ToHaveCountAsync(2);
        });
    }

    [BrowserFact]
    public async Task Editor_NewAndAfterAFailedSave_HasNoAxeViolations()
    {
        await site.CreateUserAsync("axe-author@blogsite.test", "Axe Author", Password, Roles.Author);

        await AssertHasNoViolationsAsync(async page =>
        {
            await page.GotoAsync("/account/login?returnUrl=%2Fadmin%2Farticles%2Fedit");
            await BrowserPages.SignInAsync(page, "axe-author@blogsite.test", Password);
            await Expect(page.GetByLabel("Text")).ToBeVisibleAsync();
        });

        await AssertHasNoViolationsAsync(async page =>
        {
            await page.GotoAsync("/account/login?returnUrl=%2Fadmin%2Farticles%2Fedit");
            await BrowserPages.SignInAsync(page, "axe-author@blogsite.test", Password);
            await FailASaveAsync(page);
        });
    }

    [BrowserFact]
    public async Task ImportWithItsReport_HasNoAxeViolations()
    {
        await site.CreateUserAsync("axe-admin@blogsite.test", "Axe Admin", Password, Roles.Admin);
        var export = Path.Combine(BrowserFixture.RepositoryRoot, "tests", "BlogSite.Tests", "Import", "Fixtures", "wordpress-hedgerow.xml");

        await AssertHasNoViolationsAsync(async page =>
        {
            await page.GotoAsync("/account/login?returnUrl=%2Fadmin%2Fimport");
            await BrowserPages.SignInAsync(page, "axe-admin@blogsite.test", Password);
            await page.GetByLabel("Export file").SetInputFilesAsync(export);
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Import" }).ClickAsync();
            await Expect(page.Locator("#import-report")).ToContainTextAsync("Imported wordpress-hedgerow.xml:");
            await Expect(page.Locator(".import-report li").First).ToBeVisibleAsync();
            var scheme = await page.EvaluateAsync<bool>("matchMedia('(prefers-color-scheme: dark)').matches") ? "dark" : "light";
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"admin-import-{scheme}.png"), FullPage = true });
        }, 390, 1280);
    }

    /// <summary>
    /// axe does not check the edges of form fields, yet without them a field cannot be found (WCAG 1.4.11):
    /// each text field's border against its own background and the page's must reach 3:1.
    /// </summary>
    [BrowserFact]
    public async Task TextFieldEdges_ContrastThreeToOneWithFieldAndPage()
    {
        const string Contrasts = """
            () => {
              const rgb = color => color.match(/[\d.]+/g).slice(0, 3).map(Number);
              const luminance = color => {
                const [r, g, b] = rgb(color).map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
              };
              const ratio = (a, b) => {
                const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
                return (high + 0.05) / (low + 0.05);
              };
              const page = getComputedStyle(document.body).backgroundColor;
              return [...document.querySelectorAll("input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, select")]
                .filter(field => field.getClientRects().length > 0 && !field.closest("[aria-hidden='true']"))
                .map(field => {
                  const style = getComputedStyle(field);
                  const edge = Math.min(ratio(style.borderTopColor, style.backgroundColor), ratio(style.borderTopColor, page));
                  return `${field.name} ${edge.toFixed(2)}`;
                });
            }
            """;
        var found = new List<string>();
        await using var pages = new BrowserPages(site);
        foreach (var scheme in Schemes)
        {
            foreach (var address in new[] { "/account/login", $"/articles/{Slug}", "/search?q=go" })
            {
                var page = await pages.OpenAsync(colorScheme: scheme);
                await page.GotoAsync(address);
                var fields = await page.EvaluateAsync<string[]>(Contrasts);
                Assert.NotEmpty(fields);
                found.AddRange(fields.Where(field => double.Parse(field.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) < 3)
                    .Select(field => $"[{scheme} scheme, {address}] {field}:1"));
            }
        }

        Assert.True(found.Count == 0, $"Text field edges under 3:1:\n{string.Join("\n", found)}");
    }

    /// <summary>The one line a test needs for a page that a plain GET shows.</summary>
    private Task AssertAddressHasNoViolationsAsync(string address) => AssertHasNoViolationsAsync(async page =>
    {
        var response = await page.GotoAsync(address);
        Assert.True(response!.Ok, $"{address} answered {response.Status}");
    });

    /// <summary>
    /// Gets a fresh page to a state with <paramref name="arrive"/>, once per colour scheme and width, and fails with
    /// every violation axe finds in any of them.
    /// </summary>
    private async Task AssertHasNoViolationsAsync(Func<IPage, Task> arrive, params int[] widths)
    {
        await using var pages = new BrowserPages(site);
        var found = new List<string>();
        foreach (var width in widths.DefaultIfEmpty(1280))
        {
            foreach (var scheme in Schemes)
            {
                var page = await pages.OpenAsync(width, colorScheme: scheme);
                await arrive(page);
                Assert.Equal(scheme == ColorScheme.Dark, await page.EvaluateAsync<bool>("matchMedia('(prefers-color-scheme: dark)').matches"));
                found.AddRange((await Axe.ViolationsAsync(page)).Select(violation => $"[{scheme} scheme, {width}px, {page.Url}] {violation}"));
            }
        }

        Assert.True(found.Count == 0, $"axe found {found.Count} WCAG 2.2 AA violation(s):\n{string.Join("\n", found)}");
    }

    /// <summary>
    /// A save the server refuses: the browser's own checks pass (a title, a category), but the slug belongs to
    /// another article and the category has no letter or digit, so the editor comes back with two field errors.
    /// </summary>
    private static async Task FailASaveAsync(IPage page)
    {
        await page.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync("A second take on worker pools");
        await page.GetByLabel("Slug").FillAsync(Slug);
        await page.GetByLabel("Category").FillAsync("--");
        await page.GetByLabel("Text").FillAsync("Some text.");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.Locator(".form__errors")).ToContainTextAsync("Nothing was saved");
        await Expect(page.Locator("[data-valmsg-for='Input.Slug']")).ToContainTextAsync("already has the slug");
    }
}
