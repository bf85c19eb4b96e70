using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlogSite.BrowserTests;

/// <summary>Readers posting comments and replies under an article (Pages/Comments), and what other readers see.</summary>
public sealed class CommentTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task CommentAndReply_WithJavaScript_AppearWithReplyNestedUnderParent()
    {
        const string Slug = "ci-container-migration-notes";
        await using var pages = new BrowserPages(site);
        var page = await pages.OpenAsync();
        await page.GotoAsync($"/articles/{Slug}");

        var parentId = await BrowserPages.PostCommentAsync(page, "Rosa Diaz", "Quarantining was the **right call**; we did the same with `[Retry]`.");
        var parent = page.Locator($"#comment-{parentId}");
        await Expect(parent.Locator(".comment__author")).ToHaveTextAsync("Rosa Diaz");
        await Expect(parent.Locator(".comment__body strong")).ToHaveTextAsync("right call");
        await Expect(parent.Locator(".comment__body code")).ToHaveTextAsync("[Retry]");

        await parent.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Reply" }).ClickAsync();
        await BrowserPages.WaitForUrlAsync(page, url => url.EndsWith($"/articles/{Slug}?replyTo={parentId}#comment-form", StringComparison.OrdinalIgnoreCase),
            "the form for a reply");
        await Expect(page.Locator(".comment-form__reply")).ToContainTextAsync("Replying to Rosa Diaz");
        var replyId = await BrowserPages.PostCommentAsync(page, "Jake Peralta", "Did quarantined tests *ever* come back?");

        var reply = page.Locator($"#comment-{parentId} > .comment__replies > #comment-{replyId}");
        await Expect(reply.Locator(".comment__author")).ToHaveTextAsync("Jake Peralta");
        await Expect(reply.Locator(".comment__body em")).ToHaveTextAsync("ever");
        await Expect(page.Locator(".comments__list > .comment")).ToHaveCountAsync(1);
        Assert.Empty(pages.Errors);
    }

    [BrowserFact]
    public async Task HeldComment_ShowsAwaitingModerationToItsPosterOnly()
    {
        const string Slug = "writing-pull-request-descriptions";
        await using var pages = new BrowserPages(site);
        var poster = await pages.OpenAsync();
        await poster.GotoAsync($"/articles/{Slug}");

        // Three links are more than the default MaxLinks of 2, so the comment is held for review.
        var id = await BrowserPages.PostCommentAsync(poster, "Link Sharer",
            "Useful: [one](https://one.example), [two](https://two.example) and [three](https://three.example).");
        var held = poster.Locator($"#comment-{id}");
        await Expect(held.Locator(".comment__pending")).ToContainTextAsync("Awaiting moderation");
        await Expect(held.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Reply" })).ToHaveCountAsync(0);

        var other = await pages.OpenAsync();
        await other.GotoAsync($"/articles/{Slug}");
        await Expect(other.Locator(".comments")).ToBeVisibleAsync();
        await Expect(other.Locator($"#comment-{id}")).ToHaveCountAsync(0);
        await Expect(other.Locator(".comments")).Not.ToContainTextAsync("Link Sharer");
        await Expect(other.Locator(".comment__pending")).ToHaveCountAsync(0);

        // The poster still sees it after a reload: it is kept for them, not just shown once.
        await poster.ReloadAsync();
        await Expect(poster.Locator($"#comment-{id} .comment__pending")).ToBeVisibleAsync();
        Assert.Empty(pages.Errors);
    }
}
