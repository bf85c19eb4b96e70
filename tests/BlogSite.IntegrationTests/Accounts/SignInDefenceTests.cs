using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.IntegrationTests.Accounts.StaffSessions;

namespace BlogSite.IntegrationTests.Accounts;

/// <summary>What an attacker at the sign-in form learns: nothing about which addresses are staff, and only so many tries per address.</summary>
public sealed class SignInDefenceTests(BlogFactory factory) : IClassFixture<BlogFactory>
{
    private async Task<string> LockedUserAsync()
    {
        var email = await AddUserAsync(factory, Roles.Author);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BlogUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddHours(1));
        return email;
    }

    private static async Task<string> RefusalOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await BlogFactory.ParseAsync(response)).QuerySelector("main .form__errors[role='alert']")!.TextContent.Trim();
    }

    [Fact]
    public async Task Refusals_UnknownWrongLockedAndDisabled_ShowTheSameMessage()
    {
        var known = await AddUserAsync(factory, Roles.Author);
        var locked = await LockedUserAsync();
        var disabled = await AddUserAsync(factory, Roles.Author);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<BlogSite.Accounts.UserCommands>();
            Assert.Empty(await commands.DisableAsync((await commands.IdOfAsync(disabled))!, actorId: null));
        }

        var client = factory.CreateReaderClient();
        var messages = new[]
        {
            await RefusalOfAsync(await TrySignInAsync(client, $"nobody-{Guid.NewGuid():N}@blogsite.test", Password)),
            await RefusalOfAsync(await TrySignInAsync(client, known, "not-the-password")),
            await RefusalOfAsync(await TrySignInAsync(client, locked, Password)),
            await RefusalOfAsync(await TrySignInAsync(client, disabled, Password)),
        };

        Assert.Single(messages.Distinct());
        Assert.Contains("After 5 wrong passwords in a row an account waits 15 minutes", messages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("locked", messages[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Refusals_UnknownKnownAndLocked_TakeTheSameTime()
    {
        const int tries = 9;
        var known = new List<string>();
        for (var i = 0; i <= tries; i++)
        {
            // One account per try, so that the wrong passwords never add up to a lockout.
            known.Add(await AddUserAsync(factory, Roles.Author));
        }

        var locked = await LockedUserAsync();
        var client = factory.CreateReaderClient();
        var form = (IHtmlFormElement)(await BlogFactory.ParseAsync(await client.GetAsync("/account/login"))).QuerySelector("main form")!;
        async Task<double> TimeAsync(string email)
        {
            var watch = Stopwatch.StartNew();
            var response = await Forms.PostAsync(client, form,
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not-the-password" }, path: "/account/login");
            watch.Stop();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return watch.Elapsed.TotalMilliseconds;
        }

        var unknownTimes = new List<double>();
        var knownTimes = new List<double>();
        var lockedTimes = new List<double>();
        // Round one warms up (JIT, the hash for unknown addresses) and is dropped; the cases take turns so that load hits all alike.
        for (var i = 0; i <= tries; i++)
        {
            var (u, k, l) = (await TimeAsync($"nobody-{Guid.NewGuid():N}@blogsite.test"), await TimeAsync(known[i]), await TimeAsync(locked));
            if (i > 0)
            {
                unknownTimes.Add(u);
                knownTimes.Add(k);
                lockedTimes.Add(l);
            }
        }

        static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        var medians = new[] { Median(unknownTimes), Median(knownTimes), Median(lockedTimes) };
        var summary = $"median ms unknown {medians[0]:0.0}, known {medians[1]:0.0}, locked {medians[2]:0.0}";
        // Before, an unknown address answered in a twentieth of a known one's time; a hash check each now makes them alike.
        Assert.True(medians.Max() < 2 * medians.Min(), summary);
    }

    [Fact]
    public async Task SignInLimit_PerAddress_Is429WithRetryAfter_KeepsTheEmail_AndLeavesOtherAddressesAlone()
    {
        using var limited = new BlogFactory();
        limited.Settings["RateLimits:SignInsPer15Minutes"] = "3";
        var email = await AddUserAsync(limited, Roles.Author);
        var first = limited.CreateReaderClient(peer: "203.0.113.5");
        var sameAddress = limited.CreateReaderClient(peer: "203.0.113.5");
        var second = limited.CreateReaderClient(peer: "198.51.100.7");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await TrySignInAsync(first, email, "not-the-password")).StatusCode);
        }

        // Even the right password waits: the limit is on the address, whatever the account.
        var refused = await TrySignInAsync(sameAddress, email, Password);

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
        var page = await BlogFactory.ParseAsync(refused);
        Assert.Contains("Too many sign-ins", page.QuerySelector("main .form__errors[role='alert']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, ((IHtmlInputElement)page.QuerySelector("input[name='Input.Email']")!).Value);
        Assert.Equal(HttpStatusCode.OK, (await sameAddress.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(second, email, Password)).StatusCode);
    }
}
