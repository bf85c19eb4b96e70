using BlogSite.Accounts;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.IntegrationTests.Accounts.StaffSessions;

namespace BlogSite.IntegrationTests.Accounts;

/// <summary>The users commands, run in-process through <see cref="UsersCli.TryRunAsync(string[], IServiceProvider, CliConsole)"/> against the app's real store.</summary>
public sealed class UsersCliTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private async Task<(int? Code, string Output, string Errors)> RunAsync(string password, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await UsersCli.TryRunAsync(["users", .. args], factory.Services, new CliConsole(output, errors, () => password));
        return (code, output.ToString(), errors.ToString());
    }

    private async Task<BlogUser> UserAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<BlogUser>>().FindByEmailAsync(email))!;
    }

    [Fact]
    public async Task List_ShowsEmailNameRolesAndState()
    {
        var active = await AddUserAsync(factory, Roles.Moderator);
        var disabled = await AddUserAsync(factory, Roles.Author);
        Assert.Equal(0, (await RunAsync("", "disable", "--email", disabled)).Code);

        var (code, output, _) = await RunAsync("", "list");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("EMAIL", lines[0], StringComparison.Ordinal);
        var activeLine = lines.Single(l => l.StartsWith(active, StringComparison.Ordinal));
        Assert.Contains(active[..24], activeLine, StringComparison.Ordinal);
        Assert.Contains("Moderator", activeLine, StringComparison.Ordinal);
        Assert.EndsWith("active", activeLine.TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("disabled", lines.Single(l => l.StartsWith(disabled, StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsALockedAccount()
    {
        var email = await AddUserAsync(factory, Roles.Author);
        for (var i = 0; i < 5; i++)
        {
            await TrySignInAsync(factory.CreateReaderClient(), email, "not-the-password");
        }

        var (_, output, _) = await RunAsync("", "list");

        Assert.EndsWith("locked", output.Split('\n').Single(l => l.StartsWith(email, StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlock_LetsALockedAccountSignInAtOnce()
    {
        var email = await AddUserAsync(factory, Roles.Author);
        for (var i = 0; i < 5; i++)
        {
            await TrySignInAsync(factory.CreateReaderClient(), email, "not-the-password");
        }

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, (await TrySignInAsync(factory.CreateReaderClient(), email, Password)).StatusCode);

        var (code, output, _) = await RunAsync("", "unlock", "--email", email);

        Assert.Equal(0, code);
        Assert.Contains("Unlocked " + email, output, StringComparison.Ordinal);
        Assert.True(await IsSignedInAsync(await SignInAsync(factory, email)));
    }

    [Fact]
    public async Task ResetPassword_SetsIt_NeverEchoesIt_AndRefusesAWeakOne()
    {
        var email = await AddUserAsync(factory, Roles.Author);

        var weak = await RunAsync("short", "reset-password", "--email", email);
        var done = await RunAsync("a-long-reset-passphrase", "reset-password", "--email", email);

        Assert.Equal(1, weak.Code);
        Assert.Contains("at least 12 characters", weak.Errors, StringComparison.Ordinal);
        Assert.Equal(0, done.Code);
        Assert.DoesNotContain("a-long-reset-passphrase", done.Output + done.Errors, StringComparison.Ordinal);
        Assert.True(await IsSignedInAsync(await SignInAsync(factory, email, "a-long-reset-passphrase")));
    }

    [Fact]
    public async Task ResetPassword_WithNoPassword_Is2()
    {
        var email = await AddUserAsync(factory, Roles.Author);

        var (code, _, errors) = await RunAsync("", "reset-password", "--email", email);

        Assert.Equal(2, code);
        Assert.Contains(UsersCli.PasswordVariable, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableAndEnable_StopAndRestoreSignIn()
    {
        var email = await AddUserAsync(factory, Roles.Author);

        Assert.Equal(0, (await RunAsync("", "disable", "--email", email)).Code);
        Assert.True((await UserAsync(email)).IsDisabled);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, (await TrySignInAsync(factory.CreateReaderClient(), email, Password)).StatusCode);

        Assert.Equal(0, (await RunAsync("", "enable", "--email", email)).Code);
        Assert.False((await UserAsync(email)).IsDisabled);
        Assert.True(await IsSignedInAsync(await SignInAsync(factory, email)));
    }

    [Fact]
    public async Task Disable_TheLastAdmin_Is1()
    {
        using var alone = new BlogFactory();
        var output = new StringWriter();
        var errors = new StringWriter();
        var admin = await AddUserAsync(alone, Roles.Admin);

        var code = await UsersCli.TryRunAsync(["users", "disable", "--email", admin], alone.Services, new CliConsole(output, errors, () => ""));

        Assert.Equal(1, code);
        Assert.Contains("last admin", errors.ToString(), StringComparison.Ordinal);
        Assert.True(await IsSignedInAsync(await SignInAsync(alone, admin)));
    }

    [Theory]
    [InlineData("disable", "--email", "nobody-at-all@blogsite.test")]
    [InlineData("unlock", "--email", "nobody-at-all@blogsite.test")]
    public async Task UnknownEmail_Is1(params string[] args)
    {
        var (code, _, errors) = await RunAsync("", args);

        Assert.Equal(1, code);
        Assert.Contains("No user has the email", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("remove")]
    [InlineData("unlock")]
    [InlineData("unlock", "--email")]
    [InlineData("disable", "--email", "a@b.c", "--role", "Admin")]
    [InlineData("list", "--all", "yes")]
    public async Task Misuse_Is2_WithTheUsage(params string[] args)
    {
        var (code, _, errors) = await RunAsync("", args);

        Assert.Equal(2, code);
        Assert.True(errors.Contains("Usage:", StringComparison.Ordinal) || errors.Contains("--email", StringComparison.Ordinal), errors);
    }

    [Fact]
    public async Task NotAUsersCommand_StartsTheSite()
    {
        Assert.Null(await UsersCli.TryRunAsync([], factory.Services, new CliConsole(TextWriter.Null, TextWriter.Null, () => "")));
    }
}
