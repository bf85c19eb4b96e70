using System.Net;
using BlogSite.Domain;

namespace BlogSite.IntegrationTests.Email;

public sealed class PasswordResetTests
{
    private const string NewPassword = "a-brand-new-password-42";

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string email) =>
        Forms.SubmitAsync(client, "/account/forgot-password", "main form", new Dictionary<string, string> { ["Input.Email"] = email });

    private static async Task<string> ResetLinkAsync(EmailSite site, string email)
    {
        var mail = await site.Smtp.SingleForAsync(email);
        Assert.Equal("Reset your password", mail.Message.Subject);
        Assert.Null(mail.Header("List-Unsubscribe"));
        var link = Assert.Single(mail.Links, l => l.StartsWith("http://localhost/account/reset-password?token=", StringComparison.Ordinal));
        Assert.Contains(link, mail.Text, StringComparison.Ordinal);
        return link;
    }

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient client, string link, string password = NewPassword) =>
        Forms.SubmitAsync(client, link, "main form", new Dictionary<string, string> { ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password });

    [Fact]
    public async Task ForgotPassword_IsOfferedOnSignIn_AndAnswersAKnownAndAnUnknownAddressAlike_MailingOnlyTheAccount()
    {
        using var site = await EmailSite.StartAsync();
        var (_, email) = await site.AddStaffAsync(Roles.Author);
        var client = site.CreateReaderClient();
        var signIn = await BlogFactory.ParseAsync(await client.GetAsync("/account/login"));
        Assert.Equal("/account/forgot-password", signIn.QuerySelector("a[href='/account/forgot-password']")?.GetAttribute("href"));

        var known = await AskAsync(client, email);
        var unknown = await AskAsync(client, "nobody-here@blogsite.test");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (known.StatusCode, unknown.StatusCode));
        var (knownText, unknownText) = (await Notice(known), await Notice(unknown));
        Assert.Equal(knownText.Replace(email, "ADDRESS", StringComparison.Ordinal), unknownText.Replace("nobody-here@blogsite.test", "ADDRESS", StringComparison.Ordinal));
        await ResetLinkAsync(site, email);
        Assert.Equal(1, await site.SettledCountAsync());

        // Asked again at once: the same answer, and no second message within the interval.
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(client, email)).StatusCode);
        Assert.Equal(1, await site.SettledCountAsync());

        static async Task<string> Notice(HttpResponseMessage response) => (await BlogFactory.ParseAsync(response)).QuerySelector(".notice")!.TextContent.Trim();
    }

    [Fact]
    public async Task ResetLink_SetsTheNewPasswordOnce_AndEndsOtherSessions()
    {
        using var site = await EmailSite.StartAsync();
        var (_, email) = await site.AddStaffAsync(Roles.Moderator);
        var elsewhere = await Accounts.StaffSessions.SignInAsync(site, email);
        await AskAsync(site.CreateReaderClient(), email);
        var link = await ResetLinkAsync(site, email);
        var browser = site.CreateReaderClient();

        var tooShort = await ChooseAsync(browser, link, "short");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        var done = await ChooseAsync(browser, link);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/account/login?reset=true", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.StaffSessions.TrySignInAsync(site.CreateReaderClient(), email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Accounts.StaffSessions.TrySignInAsync(site.CreateReaderClient(), email, Accounts.StaffSessions.Password)).StatusCode);
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await Accounts.StaffSessions.IsSignedInAsync(elsewhere));

        var again = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("This reset link has been used", (await BlogFactory.ParseAsync(again)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ResetLink_Expired_OrTampered_IsRefusedWithAPage()
    {
        using var site = await EmailSite.StartAsync();
        var (_, email) = await site.AddStaffAsync(Roles.Admin);
        await AskAsync(site.CreateReaderClient(), email);
        var link = await ResetLinkAsync(site, email);
        var browser = site.CreateReaderClient();

        var tampered = await browser.GetAsync(link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..]);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal("This reset link doesn't work", (await BlogFactory.ParseAsync(tampered)).QuerySelector("h1")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
        site.Clock.Advance(TimeSpan.FromMinutes(60));
        var expired = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("This reset link has expired", (await BlogFactory.ParseAsync(expired)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Null((await BlogFactory.ParseAsync(expired)).QuerySelector("input[name='Input.NewPassword']"));

        // The password is as it was.
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.StaffSessions.TrySignInAsync(site.CreateReaderClient(), email, Accounts.StaffSessions.Password)).StatusCode);
    }

    [Fact]
    public async Task ForgotPassword_SharesTheSignInLimitPerAddress()
    {
        using var site = await EmailSite.StartAsync();
        site.Settings["RateLimits:SignInsPer15Minutes"] = "2";
        var client = site.CreateReaderClient(peer: "198.51.100.7");

        Assert.Equal(HttpStatusCode.OK, (await AskAsync(client, "a@blogsite.test")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AskAsync(client, "b@blogsite.test")).StatusCode);
        var refused = await AskAsync(client, "c@blogsite.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
