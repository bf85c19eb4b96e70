using System.Net;
using AngleSharp.Html.Dom;
using BlogSite.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Accounts;

/// <summary>The app with a clock the test moves, and helpers to sign one account in from several clients.</summary>
public sealed class ClockedFactory : BlogFactory
{
    public FakeClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

internal static class StaffSessions
{
    public const string Password = "Correct-horse-battery-9";

    public static async Task<string> AddUserAsync(BlogFactory factory, string role, string? password = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@blogsite.test";
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<UserCommands>().AddAsync(email, email[..24], password ?? Password, [role]));
        return email;
    }

    public static Task<HttpResponseMessage> TrySignInAsync(HttpClient client, string email, string password) =>
        Forms.SubmitAsync(client, "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public static async Task<HttpClient> SignInAsync(BlogFactory factory, string email, string password = Password, string? peer = null)
    {
        var client = factory.CreateReaderClient(peer: peer);
        var response = await TrySignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>True while <paramref name="client"/>'s cookie still opens the admin home.</summary>
    public static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/admin");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery(), StringComparison.OrdinalIgnoreCase);
            return false;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return true;
    }

    public static async Task<string> IdOfAsync(BlogFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserCommands>().IdOfAsync(email))!;
    }

    /// <summary>The users page's form of kind <paramref name="formClass"/> in <paramref name="userId"/>'s row.</summary>
    public static async Task<IHtmlFormElement?> UserFormAsync(HttpClient admin, string userId, string formClass)
    {
        var page = await BlogFactory.ParseAsync(await admin.GetAsync("/admin/users"));
        return page.QuerySelectorAll($"form.{formClass} input[name='userId']").Where(i => i.GetAttribute("value") == userId)
            .Select(i => i.Closest("form")).OfType<IHtmlFormElement>().SingleOrDefault();
    }
}
