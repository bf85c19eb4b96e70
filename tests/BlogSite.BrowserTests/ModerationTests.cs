using BlogSite.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlogSite.BrowserTests;

/// <summary>A moderator working the queue at /admin/comments (Areas/Admin/Pages/Comments), and readers seeing the outcome.</summary>
public sealed class ModerationTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    private const string Password = "moderation-test-password";

    [BrowserFact]
    public async Task Moderator_BulkApprovesHeldComments_ReadersThenSeeThemPublished()
    {
        const string Slug = "code-review-comments-that-land";
        await using var pages = new BrowserPages(site);
        var reader = await pages.OpenAsync();
        await reader.GotoAsync($"/articles/{Slug}");
        var first = await BrowserPages.PostCommentAsync(reader, "Held Reader",
            "See [a](https://a.example), [b](https://b.example) and [c](https://c.example).");
        var second = await BrowserPages.PostCommentAsync(reader, "Held Reader",
            "Also [d](https://d.example), [e](https://e.example) and [f](https://f.example).");
        await Expect(reader.Locator(".comment__pending")).ToHaveCountAsync(2);

        // Another reader loads the page now, so a stale copy would be in the cache when the moderator approves.
        var passerBy = await pages.OpenAsync();
        await passerBy.GotoAsync($"/articles/{Slug}");
        await Expect(passerBy.Locator($"#comment-{first}")).ToHaveCountAsync(0);

        await site.CreateUserAsync("mod@blogsite.test", "Mo Derator", Password, Roles.Moderator);
        var moderator = await pages.OpenAsync();
        await moderator.GotoAsync("/admin/comments");
        await BrowserPages.WaitForUrlAsync(moderator, url => url.Contains("/account/login?", StringComparison.Ordinal), "the sign-in form");
        await BrowserPages.SignInAsync(moderator, "mod@blogsite.test", Password);
        Assert.EndsWith("/admin/comments", moderator.Url, StringComparison.Ordinal);
        await Expect(moderator.Locator(".status-tabs__tab[aria-current='page']")).ToContainTextAsync("Pending");

        await Expect(moderator.Locator($"#comment-{first} .mod-flag--held")).ToContainTextAsync("links");
        await moderator.Locator($"#select-{first}").CheckAsync();
        await moderator.Locator($"#select-{second}").CheckAsync();
        await moderator.GetByLabel("With selected").SelectOptionAsync("approve");
        await moderator.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Apply", Exact = true }).ClickAsync();

        await Expect(moderator.Locator(".notice[role='status']")).ToBeVisibleAsync();
        await Expect(moderator.Locator($"#comment-{first}")).ToHaveCountAsync(0);
        await Expect(moderator.Locator($"#comment-{second}")).ToHaveCountAsync(0);

        foreach (var page in new[] { reader, passerBy, await pages.OpenAsync() })
        {
            await page.GotoAsync($"/articles/{Slug}");
            await Expect(page.Locator($"#comment-{first} .comment__author")).ToHaveTextAsync("Held Reader");
            await Expect(page.Locator($"#comment-{second} .comment__body")).ToContainTextAsync("Also");
            await Expect(page.Locator(".comment__pending")).ToHaveCountAsync(0);
        }

        Assert.Empty(pages.Errors);
    }
}
