using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlogSite.BrowserTests;

/// <summary>The heart under an article (Pages/Articles/Heart), with and without JavaScript.</summary>
public sealed class HeartTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Heart_WithJavaScript_TogglesInPlaceWithoutNavigating()
    {
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync();
        await page.GotoAsync("/articles/sizing-go-worker-pools");
        var url = page.Url;
        var button = page.Locator("#heart .heart__button");
        var count = page.Locator("#heart .heart__count");
        await Expect(count).ToHaveTextAsync("0 hearts");

        // A navigation would start a new window object and lose this marker.
        await page.EvaluateAsync("() => { window.__noReload = 1; }");
        await button.ClickAsync();
        await Expect(count).ToHaveTextAsync("1 heart");
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(button).ToContainTextAsync("You hearted this");

        await button.ClickAsync();
        await Expect(count).ToHaveTextAsync("0 hearts");
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "false");

        Assert.Equal(url, page.Url);
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__noReload"));
        Assert.Empty(pages.Errors);
    }

    [BrowserFact]
    public async Task Heart_WithoutJavaScriptOnCachedPage_ConfirmsOnceThenTogglesDirectly()
    {
        const string Slug = "ef-core-query-counts";
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync(javaScript: false);
        await page.GotoAsync($"/articles/{Slug}");
        var title = (await page.Locator("h1").InnerTextAsync()).Trim();

        // A reader without cookies gets the shared page, whose form has an empty token.
        await Expect(page.Locator("#heart input[name='__RequestVerificationToken']")).ToHaveValueAsync("");
        await page.Locator("#heart .heart__button").ClickAsync();
        await BrowserPages.WaitForUrlAsync(page, url => url.EndsWith($"/articles/{Slug}/heart", StringComparison.Ordinal), "the confirmation page");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Please confirm");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Heart this article" }).ClickAsync();
        await BrowserPages.WaitForUrlAsync(page, url => url.EndsWith($"/articles/{Slug}#heart", StringComparison.Ordinal), "the article at its heart");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("#heart .heart__count")).ToHaveTextAsync("1 heart");
        await Expect(page.Locator("#heart .heart__button")).ToHaveAttributeAsync("aria-pressed", "true");

        // Now the reader has cookies, so the page is rendered for them with a token and the form goes straight through.
        await Expect(page.Locator("#heart input[name='__RequestVerificationToken']")).Not.ToHaveValueAsync("");
        await page.Locator("#heart .heart__button").ClickAsync();
        await Expect(page.Locator("#heart .heart__count")).ToHaveTextAsync("0 hearts");
        await Expect(page.Locator("#heart .heart__button")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        Assert.EndsWith($"/articles/{Slug}#heart", page.Url, StringComparison.Ordinal);

        // The confirmation page is the one intended 400, which Chromium also logs to the console.
        Assert.Equal(
            [$"400 /articles/{Slug}/heart", "Failed to load resource: the server responded with a status of 400 (Bad Request)"],
            pages.Errors.Order(StringComparer.Ordinal));
    }
}
