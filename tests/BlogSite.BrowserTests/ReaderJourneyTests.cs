using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BlogSite.BrowserTests;

public sealed class ReaderJourneyTests(BrowserFixture site, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> OpenAsync(int width, bool javaScript = true)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };
        return page;
    }

    private readonly List<string> errors = [];

    [BrowserFact]
    public async Task Reader_GoesHomeToArticle_WithStylesApplied()
    {
        var page = await OpenAsync(1280);
        await page.GotoAsync(site.BaseUrl + "/");

        var first = page.Locator("article.card .card__title a").First;
        var title = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await page.WaitForURLAsync("**/articles/**");

        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        await AssertStyledAsync(page);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Reader_WithoutJavaScript_StillBrowses()
    {
        var page = await OpenAsync(1280, javaScript: false);
        await page.GotoAsync(site.BaseUrl + "/");
        await page.Locator(".site-nav a", new PageLocatorOptions { HasText = "Tech" }).ClickAsync();
        await page.WaitForURLAsync("**/categories/tech");
        await page.Locator("article.card .card__title a").First.ClickAsync();
        await page.WaitForURLAsync("**/articles/**");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(2, await page.Locator(".ad-slot").CountAsync());
    }

    [BrowserFact]
    public async Task Screenshots_AtPhoneAndDesktopWidths()
    {
        foreach (var width in new[] { 390, 1280 })
        {
            var page = await OpenAsync(width);
            foreach (var (name, path) in new[] { ("home", "/"), ("article", "/articles/reading-go-stack-traces") })
            {
                await page.GotoAsync(site.BaseUrl + path);
                await AssertStyledAsync(page);

                // Nothing may be wider than the viewport: a phone must not scroll sideways.
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} at {width}px overflows by {overflow}px");

                var file = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-{width}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                output.WriteLine(file);
            }
        }

        Assert.Empty(errors);
    }

    /// <summary>The compiled stylesheet loaded and applies.</summary>
    private static async Task AssertStyledAsync(IPage page)
    {
        var rules = await page.EvaluateAsync<int>(
            "() => [...document.styleSheets].filter(s => s.href && s.href.includes('/css/site.css')).reduce((n, s) => n + s.cssRules.length, 0)");
        Assert.True(rules > 20, $"site.css has {rules} rules");

        // Unstyled, the skip link sits in the flow at the top of the page; the stylesheet hides it until focused.
        var position = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.skip-link')).position");
        Assert.NotEqual("static", position);
    }
}
