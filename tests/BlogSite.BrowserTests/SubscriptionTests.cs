using BlogSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace BlogSite.BrowserTests;

/// <summary>A reader subscribes on the home page, confirms from the message that arrives, and unsubscribes from a later one.</summary>
public sealed class SubscriptionTests(BrowserFixture site, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Reader = "browser-reader@blogsite.test";

    [BrowserFact]
    public async Task Subscribe_ConfirmFromTheMessage_ThenUnsubscribeFromALaterOne()
    {
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync();
        await page.GotoAsync("/");

        var form = page.Locator("form.subscribe");
        await form.GetByLabel("E-mail address").FillAsync(Reader);
        await form.GetByLabel("A weekly digest").CheckAsync();
        await form.GetByLabel("Each new article").CheckAsync();
        await SaveAsync(form, "subscribe-form-1280.png");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Subscribe" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your inbox");

        var confirmation = await site.Smtp.SingleForAsync(Reader);
        var link = Assert.Single(confirmation.Links, l => l.Contains("/email/confirm?token=", StringComparison.Ordinal));
        await page.GotoAsync(link);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Confirm your address");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Confirm my address" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your address is confirmed");
        await Expect(page.Locator(".confirm-page__list")).ToContainTextAsync("each article as it is published");
        await SaveAsync(page, "subscription-confirmed-1280.png");

        await site.PublishAsync("Written for the browser test");
        var arrived = await site.Smtp.WaitForAsync(2);
        var announcement = Assert.Single(arrived, m => m.Message.Subject == "New: Written for the browser test");
        var unsubscribe = Assert.Single(announcement.Links, l => l.Contains("/email/unsubscribe?token=", StringComparison.Ordinal));
        await page.GotoAsync(unsubscribe);
        await Expect(page.Locator("main")).ToContainTextAsync("Stop e-mails about new articles?");
        await page.GetByRole(AriaRole.Button).Filter(new LocatorFilterOptions { HasText = "Unsubscribe" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("unsubscribed", new LocatorAssertionsToContainTextOptions { IgnoreCase = true });

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            Assert.False(await db.ReaderAddresses.AnyAsync(a => a.Email == Reader), "The address stays after its last subscription was stopped.");
        }

        Assert.Empty(pages.Errors);
    }

    private async Task SaveAsync(ILocator element, string name)
    {
        var file = Path.Combine(BrowserFixture.ScreenshotFolder, name);
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
        output.WriteLine(file);
    }

    private async Task SaveAsync(IPage page, string name)
    {
        var file = Path.Combine(BrowserFixture.ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        output.WriteLine(file);
    }
}
