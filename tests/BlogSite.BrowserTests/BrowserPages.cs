using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BlogSite.BrowserTests;

/// <summary>
/// Pages for one test, each in its own browser context (its own cookies, like a separate reader),
/// recording what a reader would see go wrong: console errors, script errors and responses of 400 or more.
/// </summary>
public sealed partial class BrowserPages(BrowserFixture site) : IAsyncDisposable
{
    private readonly List<IBrowserContext> contexts = [];

    public List<string> Errors { get; } = [];

    public async Task<IPage> OpenAsync(int width = 1280, bool javaScript = true, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            ColorScheme = colorScheme,
        });
        contexts.Add(context);
        // Every step here takes well under a second; a broken one should fail the test soon, not after 30 s.
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => Errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Errors.Add($"{response.Status} {new Uri(response.Url).PathAndQuery}");
            }
        };
        return page;
    }

    /// <summary>Posts a comment through the article's form and returns its id, read from the #comment-{id} the site redirects to.</summary>
    public static async Task<int> PostCommentAsync(IPage page, string name, string body)
    {
        var before = page.Url;
        var form = page.Locator("#comment-form");
        await form.GetByLabel("Name").FillAsync(name);
        await form.GetByLabel("Comment").FillAsync(body);
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Post comment" }).ClickAsync();
        await WaitForUrlAsync(page, url => url != before, "a new page after posting");

        var posted = CommentFragment().Match(page.Url);
        if (!posted.Success)
        {
            var message = await page.Locator(".form__errors").AllInnerTextsAsync();
            Assert.Fail($"Posting the comment ended at {page.Url} saying: {string.Join(" ", message)}");
        }

        return int.Parse(posted.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Signs in through /account/login; the page must be showing the sign-in form.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await WaitForUrlAsync(page, url => !url.Contains("/account/login", StringComparison.Ordinal), "a page past the sign-in form");
    }

    /// <summary>Waits for a URL; on timeout says where the page is instead, which a bare timeout does not.</summary>
    public static async Task WaitForUrlAsync(IPage page, Func<string, bool> url, string expected)
    {
        try
        {
            await page.WaitForURLAsync(url);
        }
        catch (TimeoutException)
        {
            var heading = await page.Locator("h1").AllInnerTextsAsync();
            Assert.Fail($"Waited for {expected}, but the page is at {page.Url} with the heading \"{string.Join(" ", heading)}\".");
        }
    }

    [GeneratedRegex(@"#comment-(\d+)$")]
    private static partial Regex CommentFragment();

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
