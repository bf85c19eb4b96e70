using System.Net;
using BlogSite.Data;
using BlogSite.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BlogSite.IntegrationTests.Pages.Comments;

/// <summary>The hashes of posters' addresses come from a salt kept in the store, so what they key outlives a host.</summary>
public sealed class PosterHashTests
{
    private const string ArticlePath = "/articles/ef-core-query-counts";
    private const string Peer = "198.51.100.23";

    private static BlogFactory Site(string root, params (string Key, string Value)[] settings)
    {
        var site = BlogFactory.InFolder(root);
        site.Settings["Comments:MinFormAgeSeconds"] = "0";
        foreach (var (key, value) in settings)
        {
            site.Settings[key] = value;
        }

        return site;
    }

    private static async Task<HttpClient> ReaderAsync(WebApplicationFactory<Program> site, string peer = Peer)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BlogFactory.BrowserUserAgent);
        client.DefaultRequestHeaders.Add(TestPeer.Header, peer);
        await client.GetAsync("/antiforgery/token");
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        Forms.SubmitAsync(client, ArticlePath, "form.comment-form",
            new Dictionary<string, string> { ["Input.Name"] = "Grace", ["Input.Body"] = body }, submitName: "intent=post");

    /// <summary>Runs <paramref name="first"/> on one host, then <paramref name="second"/> on a new host on the same store.</summary>
    private static async Task AcrossARestartAsync(Func<BlogFactory, Task> first, Func<BlogFactory, Task> second, params (string Key, string Value)[] settings)
    {
        var root = Directory.CreateTempSubdirectory("blogsite-salt-").FullName;
        string? database = null;
        try
        {
            await using (var before = Site(root, settings))
            {
                await first(before);
                database = before.PostgresConnectionString;
            }

            await using var after = Site(root, settings);
            await second(after);
        }
        finally
        {
            if (database is not null)
            {
                TestStore.Drop(database);
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public Task Duplicate_PostedBeforeARestart_IsRefusedAfterIt() => AcrossARestartAsync(
        async before => Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(await ReaderAsync(before), "Same words")).StatusCode),
        async after =>
        {
            var again = await PostAsync(await ReaderAsync(after), "Same words");

            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
            Assert.Contains("already posted", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await after.WithDbAsync(db => db.Comments.CountAsync()));
        });

    [Fact]
    public Task PostsPerWindow_CountsThePostsMadeBeforeARestart() => AcrossARestartAsync(
        async before =>
        {
            var client = await ReaderAsync(before);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "One")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, "Two")).StatusCode);
        },
        async after =>
        {
            var third = await PostAsync(await ReaderAsync(after), "Three");

            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            var wait = int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(wait, 9 * 60, 10 * 60);
            Assert.Contains("Please wait 10 minutes, then try again.", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(2, await after.WithDbAsync(db => db.Comments.CountAsync()));

            // Another address is not held back by this one's posts.
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(await ReaderAsync(after, "198.51.100.24"), "Three")).StatusCode);
        },
        ("Comments:PostsPerWindow", "2"));

    [Fact]
    public async Task OneAddress_ReportingAgainRightAfterTheSaltTurns_StillCountsOnce()
    {
        using var site = new BlogFactory { Settings = { ["Comments:MinFormAgeSeconds"] = "0", ["Comments:ReportsToHold"] = "2" } };
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        using var host = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(await ReaderAsync(host), "Something rude")).StatusCode);

        Task<HttpResponseMessage> ReportAsync(HttpClient reader) =>
            Forms.SubmitAsync(reader, ArticlePath, "form.comment__report", new Dictionary<string, string>());
        async Task<T> WithDbAsync<T>(Func<BlogDbContext, Task<T>> query)
        {
            // The clocked host's store: the factory's own WithDbAsync would start a second host on it.
            await using var scope = host.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<BlogDbContext>());
        }

        Task<Comment> CommentAsync() => WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(await ReaderAsync(host, "203.0.113.9"))).StatusCode);
        clock.Advance(TimeSpan.FromDays(30));
        // A fresh reader key at the same address, under the next period's salt.
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(await ReaderAsync(host, "203.0.113.9"))).StatusCode);

        var comment = await CommentAsync();
        Assert.Equal(2, comment.ReportCount);
        Assert.Equal(CommentStatus.Published, comment.Status);
        Assert.Equal(2, await WithDbAsync(db => db.AddressSalts.CountAsync()));

        await ReportAsync(await ReaderAsync(host, "203.0.113.10"));
        var held = await CommentAsync();
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Equal("Reported by 3 readers from 2 addresses", held.HeldReason);
    }
}
