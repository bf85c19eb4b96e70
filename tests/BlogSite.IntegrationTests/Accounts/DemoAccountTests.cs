using System.Net;
using BlogSite.Accounts;
using BlogSite.Domain;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Accounts;

/// <summary>The demo accounts' published password works only where an explicit option asks for them, never in Production, never beside a real account.</summary>
public sealed class DemoAccountTests
{
    private static readonly List<string> DemoEmails = DemoAccounts.All.Select(a => a.Email).ToList();

    private static Task<List<string>> EmailsAsync(BlogFactory factory) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.DisabledAt == null).Select(u => u.Email!).ToListAsync());

    private static Task<HttpResponseMessage> SignInAsDemoAdminAsync(BlogFactory factory) =>
        Forms.SubmitAsync(factory.CreateReaderClient(), "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = "admin@blogsite.test", ["Input.Password"] = DemoAccounts.Password });

    [Fact]
    public async Task Development_WithTheOption_SeedsOneDemoAccountPerRole_ThatCanSignIn()
    {
        using var development = new BlogFactory { EnvironmentName = "Development" };

        Assert.Equal(DemoEmails.Order(), (await EmailsAsync(development)).Order());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsDemoAdminAsync(development)).StatusCode);
    }

    [Fact]
    public async Task Development_WithTheOptionOff_HasNone()
    {
        using var development = new BlogFactory { EnvironmentName = "Development" };
        development.Settings["DemoAccounts:Enabled"] = "false";

        Assert.Empty(await EmailsAsync(development));
    }

    [Fact]
    public async Task Production_WithTheOptionOn_HasNone()
    {
        using var production = new BlogFactory();
        production.Settings["DemoAccounts:Enabled"] = "true";

        Assert.Empty(await EmailsAsync(production));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsDemoAdminAsync(production)).StatusCode);
    }

    [Fact]
    public async Task Staging_WithTheOptionOn_ButARealAccount_HasNone()
    {
        var root = Directory.CreateTempSubdirectory("blogsite-demo-").FullName;
        try
        {
            using (var first = BlogFactory.InFolder(root))
            {
                await first.SignedInClientAsync(Roles.Admin, "owner@example.com");
            }

            using var staging = BlogFactory.InFolder(root);
            staging.EnvironmentName = "Staging";
            staging.Settings["DemoAccounts:Enabled"] = "true";

            Assert.Equal(["owner@example.com"], await EmailsAsync(staging));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task DevelopmentDatabase_StartedInProduction_DisablesTheDemoAccounts()
    {
        var root = Directory.CreateTempSubdirectory("blogsite-demo-").FullName;
        try
        {
            using (var development = BlogFactory.InFolder(root))
            {
                development.EnvironmentName = "Development";
                Assert.Equal(DemoEmails.Order(), (await EmailsAsync(development)).Order());
            }

            using var production = BlogFactory.InFolder(root);
            production.Settings["DemoAccounts:Enabled"] = "true";

            Assert.Empty(await EmailsAsync(production));
            Assert.Equal(3, await production.WithDbAsync(db => db.Users.CountAsync(u => u.DisabledAt != null)));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsDemoAdminAsync(production)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
