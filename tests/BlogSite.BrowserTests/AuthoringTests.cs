using BlogSite.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BlogSite.BrowserTests;

/// <summary>An author at /admin/articles (Areas/Admin/Pages/Articles): write with the live preview, draft, publish, rename.</summary>
public sealed class AuthoringTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    private const string Password = "authoring-test-password";

    private const string Body = """
        Queues grow when work arrives faster than it leaves. **Measure both rates** before adding workers.

        ## A first look

        ```go
        for job := range jobs {
            results <- process(job)
        }
        ```

        - arrival rate
        - service rate
        """;

    [BrowserFact]
    public async Task Author_WritesWithLivePreview_SavesDraft_Publishes_ThenRenamesAndTheOldAddressRedirects()
    {
        await site.CreateUserAsync("writer@blogsite.test", "Wren Writer", Password, Roles.Author);
        await using var pages = new BrowserPages(site);
        var author = await pages.OpenAsync();
        await author.GotoAsync("/admin/articles/edit");
        await BrowserPages.WaitForUrlAsync(author, url => url.Contains("/account/login?", StringComparison.Ordinal), "the sign-in form");
        await BrowserPages.SignInAsync(author, "writer@blogsite.test", Password);
        Assert.EndsWith("/admin/articles/edit", author.Url, StringComparison.Ordinal);

        await author.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync("Queues Before Workers");
        await Expect(author.GetByLabel("Slug")).ToHaveAttributeAsync("placeholder", "queues-before-workers");
        await author.GetByLabel("Category").FillAsync("Engineering");
        await author.GetByLabel("Tags").FillAsync("queues, go");
        await author.GetByLabel("Text").FillAsync(Body);

        // The live preview follows the text without a button press: rendered, highlighted, sanitized by the server.
        var preview = author.Locator("#preview");
        await Expect(preview.Locator("h2#a-first-look")).ToContainTextAsync("A first look");
        await Expect(preview.Locator("strong")).ToHaveTextAsync("Measure both rates");
        await Expect(preview.Locator("pre code .hl-keyword").First).ToBeVisibleAsync();
        await author.GetByLabel("Text").PressAsync("End");
        await author.GetByLabel("Text").PressSequentiallyAsync("\n\nA late line.");
        await Expect(preview).ToContainTextAsync("A late line.");

        await Screenshot(author, "editor-1280.png");

        await author.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save", Exact = true }).ClickAsync();
        await Expect(author.Locator(".notice[role='status']")).ToHaveTextAsync("Saved.");
        await Expect(author.Locator(".editor__facts .status-badge")).ToHaveTextAsync("Draft");
        var editUrl = author.Url;

        // A draft is not on the site yet.
        var reader = await pages.OpenAsync();
        var draft = await reader.GotoAsync("/articles/queues-before-workers");
        Assert.Equal(404, draft!.Status);
        pages.Errors.Clear();

        await author.GetByLabel("Status").SelectOptionAsync("Published");
        await author.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save", Exact = true }).ClickAsync();
        await Expect(author.Locator(".editor__facts .status-badge")).ToHaveTextAsync("Published");

        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Queues Before Workers" }).First.ClickAsync();
        await BrowserPages.WaitForUrlAsync(reader, url => url.EndsWith("/articles/queues-before-workers", StringComparison.Ordinal), "the article page");
        await Expect(reader.Locator("h1")).ToHaveTextAsync("Queues Before Workers");

        await author.GotoAsync(editUrl);
        await author.GetByLabel("Slug").FillAsync("queues-first");
        await author.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save", Exact = true }).ClickAsync();
        await Expect(author.Locator(".notice[role='status']")).ToHaveTextAsync("Saved.");

        await reader.GotoAsync("/articles/queues-before-workers");
        await BrowserPages.WaitForUrlAsync(reader, url => url.EndsWith("/articles/queues-first", StringComparison.Ordinal), "the renamed article");
        await Expect(reader.Locator("h1")).ToHaveTextAsync("Queues Before Workers");

        // On a phone without JavaScript the Preview button renders the text typed so far, and keeps it in the form.
        var phone = await pages.OpenAsync(width: 390, javaScript: false);
        await phone.GotoAsync(editUrl);
        await BrowserPages.SignInAsync(phone, "writer@blogsite.test", Password);
        await phone.GetByLabel("Text").FillAsync(Body + "\n\nSeen without a script.");
        await phone.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Preview", Exact = true }).ClickAsync();
        await Expect(phone.Locator("#preview")).ToContainTextAsync("Seen without a script.");
        await Expect(phone.GetByLabel("Text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Seen without a script\\.$"));
        await Screenshot(phone, "editor-390.png");

        Assert.Empty(pages.Errors);
    }

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name), FullPage = true });
}
