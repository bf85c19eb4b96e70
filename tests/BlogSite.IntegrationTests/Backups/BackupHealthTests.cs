using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BlogSite.Backups;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static BlogSite.IntegrationTests.Backups.BackupTestStore;

namespace BlogSite.IntegrationTests.Backups;

/// <summary>The schedule and what /healthz/ready says of it, on a clock the tests move.</summary>
[Trait(TestStore.Trait, TestStore.SqliteFile)] // Backups copy the SQLite file: the Postgres pass leaves these out (see TestStore)
public sealed class BackupHealthTests
{
    public sealed record Ready(HttpStatusCode StatusCode, string Status, JsonElement Backups);

    /// <summary>/healthz/ready as JSON, and its backups check.</summary>
    public static async Task<Ready> ReadyAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz/ready");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Ready(response.StatusCode, json.RootElement.GetProperty("status").GetString()!,
            json.RootElement.GetProperty("checks").GetProperty("backups").Clone());
    }

    private static WebApplicationFactoryClock Clocked(BlogFactory site, DateTimeOffset now) => new(site, new FakeClock(now));

    /// <summary>A site on <paramref name="Site"/>'s folder whose clock is <paramref name="Clock"/>.</summary>
    private sealed record WebApplicationFactoryClock(BlogFactory Site, FakeClock Clock) : IDisposable
    {
        public Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Host { get; } =
            Site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));

        public void Dispose()
        {
            Host.Dispose();
            Site.Dispose();
        }
    }

    private static string[] Archives(string root) => [.. BackupName.In(Path.Combine(root, "backups")).Select(a => a.FileName)];

    [Fact]
    public async Task Ready_ShowsTheBackupsAge_AndIsDegradedPastTwiceTheInterval()
    {
        var start = DateTimeOffset.UtcNow;
        using var site = Clocked(new BlogFactory { Settings = { ["Backup:IntervalHours"] = "24" } }, start);
        var client = site.Host.CreateClient();

        // No archive yet: the schedule makes one at start.
        var ready = await WaitForAsync(async () => await ReadyAsync(client) is { } r && r.Backups.GetProperty("data").TryGetProperty("archive", out _) ? r : null,
            "the first scheduled backup");

        Assert.Equal("Healthy", ready.Backups.GetProperty("status").GetString());
        var data = ready.Backups.GetProperty("data");
        Assert.InRange(data.GetProperty("ageSeconds").GetInt64(), 0, 1);
        Assert.Equal(data.GetProperty("lastBackupAt").GetDateTimeOffset().AddHours(24), data.GetProperty("nextBackupAt").GetDateTimeOffset());
        Assert.Contains("Backed up 0.0 hours ago", ready.Backups.GetProperty("description").GetString(), StringComparison.Ordinal);

        site.Clock.Advance(TimeSpan.FromHours(47));
        ready = await ReadyAsync(client);
        Assert.Equal("Healthy", ready.Backups.GetProperty("status").GetString());
        Assert.Contains("Backed up 47.0 hours ago", ready.Backups.GetProperty("description").GetString(), StringComparison.Ordinal);

        site.Clock.Advance(TimeSpan.FromHours(2));
        ready = await ReadyAsync(client);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", ready.Status);
        Assert.Equal("Degraded", ready.Backups.GetProperty("status").GetString());
        Assert.InRange(ready.Backups.GetProperty("data").GetProperty("ageSeconds").GetInt64(), 49 * 3600, (49 * 3600) + 1);
        Assert.Contains("more than twice Backup:IntervalHours", ready.Backups.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Degraded\nbackups: Degraded - ", await client.GetStringAsync("/healthz/ready"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WithBackupsOff_IsHealthy_AndSaysSo()
    {
        using var site = new BlogFactory();

        var ready = await ReadyAsync(site.CreateClient());

        Assert.Equal("Healthy", ready.Status);
        Assert.Equal("Backups are off (Backup:IntervalHours is 0).", ready.Backups.GetProperty("description").GetString());
        Assert.Empty(Archives(Path.GetDirectoryName(site.DatabasePath)!));
    }

    [Fact]
    public async Task Schedule_AfterARestart_GoesFromTheNewestArchive_NotFromTheStart()
    {
        var root = Directory.CreateTempSubdirectory("blogsite-schedule-").FullName;
        try
        {
            var first = DateTimeOffset.UtcNow;
            string made;
            using (var site = Clocked(BlogFactory.InFolder(root), first))
            {
                site.Site.Settings["Backup:IntervalHours"] = "24";
                var client = site.Host.CreateClient();
                await WaitForAsync(() => Task.FromResult(Archives(root) is [var one] ? one : null), "the first scheduled backup");
                made = Archives(root)[0];
                _ = await ReadyAsync(client);
            }

            // Restarted 23 hours later: the next backup is due an hour from now, one interval after the archive.
            using (var site = Clocked(BlogFactory.InFolder(root), first.AddHours(23)))
            {
                site.Site.Settings["Backup:IntervalHours"] = "24";
                var ready = await ReadyAsync(site.Host.CreateClient());
                var data = ready.Backups.GetProperty("data");
                Assert.Equal(made, data.GetProperty("archive").GetString());
                Assert.Equal(BackupName.TryParse(made)!.CreatedAt.AddHours(24), data.GetProperty("nextBackupAt").GetDateTimeOffset());
                await Task.Delay(1000);
                Assert.Equal([made], Archives(root));
            }

            // Restarted 25 hours later: one is overdue, and made at once.
            using (var site = Clocked(BlogFactory.InFolder(root), first.AddHours(25)))
            {
                site.Site.Settings["Backup:IntervalHours"] = "24";
                _ = site.Host.Services;
                var archives = await WaitForAsync(() => Task.FromResult(Archives(root) is { Length: 2 } two ? two : null), "the overdue backup");
                Assert.Equal(made, archives[1]);
            }
        }
        finally
        {
            DeleteFolder(root);
        }
    }
}
