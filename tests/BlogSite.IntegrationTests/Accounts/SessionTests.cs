using System.Net;
using AngleSharp.Html.Dom;
using BlogSite.Accounts;
using BlogSite.Domain;
using static BlogSite.IntegrationTests.Accounts.StaffSessions;

namespace BlogSite.IntegrationTests.Accounts;

/// <summary>
/// Sign-out, a password change (from the page or the command line), a role change and disabling end the user's
/// other sessions within a minute: an old cookie, from a second client signed in before, is refused afterwards.
/// </summary>
public sealed class SessionTests(ClockedFactory factory) : IClassFixture<ClockedFactory>
{
    // Past the one-minute check, with room for the real seconds the test itself takes.
    private static readonly TimeSpan PastTheCheck = TimeSpan.FromMinutes(3);

    private async Task<(string Email, HttpClient Current, HttpClient Other)> TwoSessionsAsync(string role)
    {
        var email = await AddUserAsync(factory, role);
        var current = await SignInAsync(factory, email);
        var other = await SignInAsync(factory, email);
        Assert.True(await IsSignedInAsync(other));
        return (email, current, other);
    }

    [Fact]
    public async Task NoEvent_OldSessionGoesOn()
    {
        var (_, _, other) = await TwoSessionsAsync(Roles.Author);

        factory.Clock.Advance(PastTheCheck);

        Assert.True(await IsSignedInAsync(other));
    }

    [Fact]
    public async Task SignOut_EndsTheOtherSessions()
    {
        var (_, current, other) = await TwoSessionsAsync(Roles.Moderator);

        var response = await Forms.SubmitAsync(current, "/admin", "form[action='/account/logout']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        factory.Clock.Advance(PastTheCheck);

        Assert.False(await IsSignedInAsync(current));
        Assert.False(await IsSignedInAsync(other));
    }

    [Fact]
    public async Task PasswordChange_EndsTheOtherSessions_AndKeepsTheCurrentOne()
    {
        var (_, current, other) = await TwoSessionsAsync(Roles.Author);

        var response = await Forms.SubmitAsync(current, "/account/password", "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "a-brand-new-passphrase",
            ["Input.ConfirmPassword"] = "a-brand-new-passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        factory.Clock.Advance(PastTheCheck);

        Assert.False(await IsSignedInAsync(other));
        Assert.True(await IsSignedInAsync(current));
    }

    [Fact]
    public async Task RoleChange_EndsTheUsersSessions()
    {
        var (email, _, other) = await TwoSessionsAsync(Roles.Author);
        var admin = await SignInAsync(factory, await AddUserAsync(factory, Roles.Admin));
        var form = (await UserFormAsync(admin, await IdOfAsync(factory, email), "role-form"))!;
        foreach (var box in form.QuerySelectorAll("input[name='roles']").OfType<IHtmlInputElement>())
        {
            box.IsChecked = box.Value == Roles.Moderator;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(admin, form, new Dictionary<string, string>())).StatusCode);
        factory.Clock.Advance(PastTheCheck);

        Assert.False(await IsSignedInAsync(other));
        Assert.True(await IsSignedInAsync(admin));
    }

    [Fact]
    public async Task Disabling_EndsTheUsersSessions_AndRefusesSignIn_UntilEnabled()
    {
        var (email, current, other) = await TwoSessionsAsync(Roles.Author);
        var admin = await SignInAsync(factory, await AddUserAsync(factory, Roles.Admin));
        var id = await IdOfAsync(factory, email);

        var disabled = await Forms.PostAsync(admin, (await UserFormAsync(admin, id, "sign-in-form"))!, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        factory.Clock.Advance(PastTheCheck);

        Assert.False(await IsSignedInAsync(current));
        Assert.False(await IsSignedInAsync(other));
        var refused = await TrySignInAsync(factory.CreateReaderClient(), email, Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("don't match an account", (await BlogFactory.ParseAsync(refused)).QuerySelector("main .form__errors")!.TextContent, StringComparison.Ordinal);

        var enabled = await Forms.PostAsync(admin, (await UserFormAsync(admin, id, "sign-in-form"))!, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.True(await IsSignedInAsync(await SignInAsync(factory, email)));
    }

    [Fact]
    public async Task CommandLineReset_EndsTheUsersSessions_AndSetsThePassword()
    {
        var (email, current, other) = await TwoSessionsAsync(Roles.Author);
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = await UsersCli.TryRunAsync(["users", "reset-password", "--email", email], factory.Services,
            new CliConsole(output, errors, () => "a-reset-passphrase-1"));

        Assert.Equal(0, code);
        Assert.DoesNotContain("a-reset-passphrase-1", output.ToString() + errors, StringComparison.Ordinal);
        factory.Clock.Advance(PastTheCheck);
        Assert.False(await IsSignedInAsync(current));
        Assert.False(await IsSignedInAsync(other));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await TrySignInAsync(factory.CreateReaderClient(), email, Password)).StatusCode);
        Assert.True(await IsSignedInAsync(await SignInAsync(factory, email, "a-reset-passphrase-1")));
    }
}
