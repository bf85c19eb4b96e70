using BlogSite.Domain;
using BlogSite.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace BlogSite.BrowserTests;

/// <summary>Full-page screenshots of an article's discussion and of the moderation queue, at phone and desktop widths, for a person to look at.</summary>
public sealed class DiscussionScreenshotTests(BrowserFixture site, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Slug = "structured-logging-aspnet-core";
    private const string Password = "screenshot-test-password";

    private string posterCookie = "";

    [BrowserFact]
    public async Task Screenshots_ArticleCommentsAndModeration_AtPhoneAndDesktopWidths()
    {
        await SeedDiscussionAsync();
        await site.CreateUserAsync("screens@blogsite.test", "Screen Moderator", Password, Roles.Moderator);
        await using var pages = new BrowserPages(site);

        foreach (var width in new[] { 390, 1280 })
        {
            var reader = await pages.OpenAsync(width);
            await reader.Context.AddCookiesAsync(
                [new Cookie { Name = "blog_reader", Value = posterCookie, Url = site.BaseUrl }]);
            await reader.GotoAsync($"/articles/{Slug}");
            await Expect(reader.Locator(".comment__replies .comment")).ToHaveCountAsync(2);
            await Expect(reader.Locator(".comments__list > .comment")).ToHaveCountAsync(4);
            await Expect(reader.Locator(".comment__pending")).ToHaveCountAsync(1);
            await SaveAsync(reader, $"article-comments-{width}.png", width);

            var moderator = await pages.OpenAsync(width);
            await moderator.GotoAsync("/account/login?returnUrl=%2Fadmin%2Fcomments");
            await BrowserPages.SignInAsync(moderator, "screens@blogsite.test", Password);
            await Expect(moderator.Locator(".mod-row")).ToHaveCountAsync(3);
            await SaveAsync(moderator, $"moderation-{width}.png", width);
        }

        Assert.Empty(pages.Errors);
    }

    private async Task SaveAsync(IPage page, string name, int width)
    {
        // No page may scroll sideways, however long a line of code or a link a commenter posts.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} at {width}px overflows by {overflow}px");

        var file = Path.Combine(BrowserFixture.ScreenshotFolder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        output.WriteLine(file);
    }

    /// <summary>Published comments with Markdown and replies, and held ones of every kind the queue shows.</summary>
    private async Task SeedDiscussionAsync()
    {
        // The reader whose comments are seeded, with a cookie the site issued, so the screenshots show their held comment as they see it.
        (var poster, posterCookie) = ReaderKeys.Issue(site.Services.GetRequiredService<IDataProtectionProvider>());
        var first = await site.SeedCommentAsync(Slug, "Priya Raman",
            "We moved to **structured logging** last year. The biggest win was `LoggerMessage` source generators:\n\n" +
            "```csharp\n[LoggerMessage(Level = LogLevel.Information, Message = \"Order {OrderId} shipped to {Country}\")]\n" +
            "static partial void OrderShipped(ILogger logger, int orderId, string country);\n```\n\n" +
            "Do you keep scopes on for every request?", "r:priya-raman-reader-01");
        await site.SeedCommentAsync(Slug, "Tom",
            "Yes, with the trace id in each scope:\n\n```csharp\nusing var scope = logger.BeginScope(new { TraceId = Activity.Current?.TraceId });\n```\n\n" +
            "See [the docs](https://learn.microsoft.com/dotnet/core/extensions/logging).", "r:tom-reader-0000000001", first);
        await site.SeedCommentAsync(Slug, "Priya Raman", "Thanks, that *is* simpler.", "r:priya-raman-reader-01", first);
        await site.SeedCommentAsync(Slug, "Alexandra Konstantinopoulou-Wright",
            "A long value to wrap: https://example.com/a/very/long/path/that/keeps/going/and/going/without/any/spaces/at/all?query=structured-logging-aspnet-core",
            "r:alexandra-reader-0001");
        await site.SeedCommentAsync(Slug, "Sam",
            "We log exceptions with the template too, so this whole line is one searchable field:\n\n```\n" +
            "   at Shop.Orders.OrderService.ShipAsync(Int32 orderId, CancellationToken ct) in /src/Shop/Orders/OrderService.cs:line 142 (OrderId=1234, Country=NZ)\n```",
            "r:sam-reader-000000001");
        await site.SeedCommentAsync(Slug, "Link Collector",
            "Related: [one](https://one.example), [two](https://two.example) and [three](https://three.example).", poster);
        await site.SeedCommentAsync(Slug, "Another Collector",
            "More: <https://four.example>, <https://five.example>, <https://six.example> and <https://seven.example>, plus the query:\n\n" +
            "```sql\nSELECT o.Id, o.CustomerId, o.ShippedAt FROM Orders AS o WHERE o.ShippedAt IS NOT NULL AND o.Country = 'NZ' ORDER BY o.ShippedAt DESC\n```",
            "r:another-collector-001");
        await site.SeedCommentAsync(Slug, "Third Collector",
            "Replying with [a](https://a.example), [b](https://b.example), [c](https://c.example).", "r:third-collector-0001", first);
    }
}
