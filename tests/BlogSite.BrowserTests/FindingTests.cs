using Microsoft.Playwright;

namespace BlogSite.BrowserTests;

/// <summary>A reader searches from the header and browses the archive, at phone and desktop widths.</summary>
public sealed class FindingTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Reader_SearchesFromTheHeader_AndOpensAResult()
    {
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync(1280);
        await page.GotoAsync("/articles/reading-go-stack-traces");

        await page.GetByRole(AriaRole.Search).GetByLabel("Search articles").FillAsync("goroutine");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/search?q=goroutine");

        var results = page.Locator(".search-result");
        Assert.True(await results.CountAsync() >= 1);
        Assert.Equal("goroutine", (await results.First.Locator("mark").First.InnerTextAsync()).ToLowerInvariant());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "search-1280.png"), FullPage = true });

        await results.First.Locator(".search-result__title a").ClickAsync();
        await page.WaitForURLAsync("**/articles/**");
        Assert.Empty(pages.Errors);
    }

    [BrowserFact]
    public async Task SearchAndArchive_FitAPhone()
    {
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync(390);
        foreach (var (name, path) in new[] { ("search", "/search?q=test"), ("archive", "/archive"), ("archive-month", "/archive/2026/09") })
        {
            await page.GotoAsync(path);

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} at 390px overflows by {overflow}px");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}-390.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/archive");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "archive-1280.png"), FullPage = true });
        await page.GotoAsync("/archive/2026/09");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "archive-month-1280.png"), FullPage = true });
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "home-header-1280.png") });
        Assert.Empty(pages.Errors);
    }
}
