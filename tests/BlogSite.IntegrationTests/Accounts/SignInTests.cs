using System.Diagnostics;
using System.Net;
using BlogSite.Accounts;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Accounts;

public sealed class SignInTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    /// <summary>Every page under /admin, read from the app's own endpoints so that a new page cannot be forgotten.</summary>
    public static TheoryData<string> AdminRoutes()
    {
        using var app = new BlogFactory();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/admin", StringComparison.Ordinal))
            .Select(r => r.Replace("{id:int}", "1", StringComparison.Ordinal).Replace("{id:int?}", "1", StringComparison.Ordinal)
                .Replace("{id}", "1", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/admin/comments", routes);
        Assert.Contains("/admin/users", routes);
        var data = new TheoryData<string>();
        foreach (var route in routes)
        {
            data.Add(route);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_Anonymous_RedirectsToLogin(string route)
    {
        var response = await factory.CreateReaderClient().GetAsync(route);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_ByRole_AllowsOrForbids(string route)
    {
        var moderatorOnly = route.StartsWith("/admin/comments", StringComparison.Ordinal);
        var adminOnly = route.StartsWith("/admin/users", StringComparison.Ordinal)
            || route is "/admin/articles/bin" or "/admin/export" or "/admin/import" or "/admin/email" or "/admin/subscribers";
        // The Write policy's folders: authoring is for Admins and Authors.
        var writersOnly = route.StartsWith("/admin/articles", StringComparison.Ordinal) || route.StartsWith("/admin/images", StringComparison.Ordinal)
            || route.StartsWith("/admin/preview", StringComparison.Ordinal);
        // Article 1 is a sample from content/ that no test author wrote: only an Admin may open it in the editor.
        var ownersOnly = writersOnly && route.Contains("/1", StringComparison.Ordinal);
        foreach (var role in Roles.All)
        {
            var client = await factory.SignedInClientAsync(role);
            var status = (await client.GetAsync(route)).StatusCode;
            var allowed = role == Roles.Admin
                || (!adminOnly && !ownersOnly && (!moderatorOnly || role == Roles.Moderator) && (!writersOnly || role == Roles.Author));
            if (allowed)
            {
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{role} on {route}: {status}");
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, status);
            }
        }
    }

    [Fact]
    public async Task Forbidden_ShowsAFriendlyPage()
    {
        var client = await factory.SignedInClientAsync(Roles.Author);
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("have access to this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Is400()
    {
        var response = await factory.CreateReaderClient().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@blogsite.test",
            ["Input.Password"] = "whatever-password",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_Get_HasNoErrorSummaryAndNoFieldMarkedInvalid()
    {
        var page = await BlogFactory.ParseAsync(await factory.CreateReaderClient().GetAsync("/account/login"));

        Assert.Null(page.QuerySelector("main .form__errors"));
        Assert.Empty(page.QuerySelectorAll("main [aria-invalid]"));
    }

    [Fact]
    public async Task Login_EmptyFields_Is422_ErrorsAnnouncedAndEachTiedToItsField()
    {
        var response = await Forms.SubmitAsync(factory.CreateReaderClient(), "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await BlogFactory.ParseAsync(response);
        var summary = page.QuerySelector("main .form__errors[role='alert']")!.TextContent;
        Assert.Contains("The Email field is required.", summary, StringComparison.Ordinal);
        Assert.Contains("The Password field is required.", summary, StringComparison.Ordinal);
        Assert.Equal("The Email field is required.", Forms.DescriptionOfInvalid(page, "Input.Email"));
        Assert.Equal("The Password field is required.", Forms.DescriptionOfInvalid(page, "Input.Password"));
        Assert.Null(page.QuerySelector("[name='Input.RememberMe']")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Login_WrongPassword_ErrorAnnounced_WithNoFieldMarkedInvalid()
    {
        var response = await Forms.SubmitAsync(factory.CreateReaderClient(), "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = "nobody@blogsite.test", ["Input.Password"] = "not-the-password" });

        var page = await BlogFactory.ParseAsync(response);
        Assert.Contains("don't match an account", page.QuerySelector("main .form__errors[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main [aria-invalid]"));
    }

    [Fact]
    public async Task Login_WrongPassword_Is422_AndLocksOutAfterFiveFailures()
    {
        const string email = "lockout@blogsite.test";
        await factory.SignedInClientAsync(Roles.Author, email);
        var client = factory.CreateReaderClient();

        for (var i = 0; i < 5; i++)
        {
            var failed = await Forms.SubmitAsync(client, "/account/login", "main form",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not-the-password" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.StatusCode);
        }

        var locked = await Forms.SubmitAsync(client, "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = BlogFactory.StaffPassword });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);
        Assert.Contains("waits 15 minutes", (await BlogFactory.ParseAsync(locked)).QuerySelector("main .form__errors")!.TextContent, StringComparison.Ordinal);
        var lockoutEnd = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"locked until {lockoutEnd}");
    }

    [Fact]
    public async Task Login_IgnoresNonLocalReturnUrl()
    {
        const string email = "return@blogsite.test";
        await factory.SignedInClientAsync(Roles.Moderator, email);
        var client = factory.CreateReaderClient();
        var response = await Forms.SubmitAsync(client, "/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = BlogFactory.StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var client = await factory.SignedInClientAsync(Roles.Moderator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        var response = await Forms.SubmitAsync(client, "/admin", "form[action='/account/logout']", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_RequiresTheCurrentPassword_ThenWorks()
    {
        const string email = "change@blogsite.test";
        var client = await factory.SignedInClientAsync(Roles.Author, email);

        var wrong = await Forms.SubmitAsync(client, "/account/password", "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not-the-password",
            ["Input.NewPassword"] = "a-brand-new-passphrase",
            ["Input.ConfirmPassword"] = "a-brand-new-passphrase",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);

        var right = await Forms.SubmitAsync(client, "/account/password", "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = BlogFactory.StaffPassword,
            ["Input.NewPassword"] = "a-brand-new-passphrase",
            ["Input.ConfirmPassword"] = "a-brand-new-passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BlogUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(email))!, "a-brand-new-passphrase"));
    }

    [Fact]
    public async Task Production_HasNoDemoAccounts_AndKeepsDataProtectionKeysInTheStore()
    {
        var demo = DemoAccounts.All.Select(a => a.Email).ToList();
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => demo.Contains(u.Email!))));
        await factory.SignedInClientAsync(Roles.Author);
        Assert.True(await factory.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteFile)] // the CLI run on a SQLite file of its own, read back from the file
    public async Task CommandLine_AddsAnAdmin_WithThePasswordFromTheEnvironment()
    {
        var database = Path.Combine(Path.GetTempPath(), $"blogsite-cli-{Guid.NewGuid():N}.db");
        try
        {
            var app = Path.Combine(AppContext.BaseDirectory, "BlogSite.dll");
            var start = new ProcessStartInfo("dotnet", [app, "users", "add", "--email", "first@blogsite.test", "--role", "Admin", "--name", "First Admin"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                WorkingDirectory = Path.Combine(BlogFactory.RepositoryRoot, "src", "BlogSite"),
            };
            start.Environment["ConnectionStrings__Blog"] = $"Data Source={database}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment[UsersCli.PasswordVariable] = "a-long-admin-passphrase";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, output + errors);
            Assert.Contains("Added first@blogsite.test", output, StringComparison.Ordinal);
            Assert.DoesNotContain("a-long-admin-passphrase", output + errors, StringComparison.Ordinal);

            await using var db = new BlogDbContext(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite($"Data Source={database}").Options);
            var user = await db.Users.SingleAsync();
            var role = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).SingleAsync();
            Assert.Equal("First Admin", user.DisplayName);
            Assert.Equal(Roles.Admin, role);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}
