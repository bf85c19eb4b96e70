using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BlogSite.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlogSite.IntegrationTests.Instances;

/// <summary>
/// Two instances of the site on one PostgreSQL database, as behind a load balancer: each its own host with its own
/// page cache, view buffer and background work, sharing only the store. SQLite serves one instance per store, so
/// the SQLite pass leaves these out (see <see cref="TestStore.NeedsPostgres"/>).
/// </summary>
[Trait(TestStore.Trait, TestStore.NeedsPostgres)]
public sealed class SeveralInstancesTests
{
    private const string Slug = "ef-core-query-counts";
    private const string ArticlePath = "/articles/" + Slug;

    [Fact]
    public async Task BothStartingAtOnce_SyncContentOnce_AndASignInOnOne_IsValidOnTheOther()
    {
        using var pair = new Pair();
        var syncs = new SyncLog();
        var (a, b) = (pair.A.WithWebHostBuilder(h => h.ConfigureLogging(l => l.AddProvider(syncs))),
            pair.B.WithWebHostBuilder(h => h.ConfigureLogging(l => l.AddProvider(syncs))));

        await Task.WhenAll(Task.Run(() => a.Services), Task.Run(() => b.Services));

        // One sync took the files in; the other ran after it, under the same lock, and found nothing to write.
        Assert.Equal(2, syncs.Results.Count);
        Assert.Single(syncs.Results, r => r.Contains("Added = 0, Updated = 0, Unpublished = 0", StringComparison.Ordinal));
        Assert.Single(syncs.Results, r => !r.Contains("Added = 0,", StringComparison.Ordinal));
        // Every file but the broken fixture, once.
        Assert.Equal(
            Directory.GetFiles(pair.A.ContentFolder, "*.md").Length - 1,
            await pair.A.WithDbAsync(db => db.Articles.IgnoreQueryFilters().CountAsync(x => x.SourcePath != null)));

        var email = $"editor-{Guid.NewGuid():N}@blogsite.test";
        await using (var scope = a.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<BlogSite.Accounts.UserCommands>()
                .AddAsync(email, "Editor", BlogFactory.StaffPassword, [Roles.Admin]));
        }

        var cookies = new CookieContainer();
        var onA = a.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        var signIn = await Forms.SubmitAsync(onA, "/account/login", "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = BlogFactory.StaffPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var onB = b.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        var admin = await onB.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task ACommentPostedOnA_ShowsOnBsCachedPage_WithinASecond()
    {
        using var pair = new Pair();
        var reader = pair.B.CreateClient();
        await reader.GetAsync(ArticlePath);
        var cached = await reader.GetAsync(ArticlePath);
        Assert.True(cached.Headers.Age is not null, "B's page should come from its page cache before the comment");

        var text = $"Seen from the other instance {Guid.NewGuid():N}";
        await PostCommentAsync(pair.A, text);

        var watch = Stopwatch.StartNew();
        string page;
        do
        {
            page = await reader.GetStringAsync(ArticlePath);
        }
        while (!page.Contains(text, StringComparison.Ordinal) && watch.Elapsed < TimeSpan.FromSeconds(5) && await Delay());

        Assert.Contains(text, page, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"B showed the comment after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task WhenTheListeningConnectionDrops_BDropsItsCachedPages_AndHearsChangesAgainOnceBack()
    {
        using var pair = new Pair();
        var reader = pair.B.CreateClient();
        var listener = pair.B.Services.GetRequiredService<BlogSite.Data.Postgres.PostgresChangeListener>();
        var other = pair.A.Services.GetRequiredService<BlogSite.Data.Postgres.PostgresChangeListener>();
        await Until(() => listener.IsListening && other.IsListening);
        await reader.GetAsync(ArticlePath);
        Assert.NotNull((await reader.GetAsync(ArticlePath)).Headers.Age);

        await using (var admin = new Npgsql.NpgsqlConnection(pair.A.PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new Npgsql.NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'BlogSite change listener'", admin);
            Assert.Equal(2L, await kill.ExecuteScalarAsync());
        }

        await Until(() => !listener.IsListening);
        await Until(() => listener.IsListening && other.IsListening);
        // Within the page's lifetime (5 s), so only the drop can have removed it.
        Assert.Null((await reader.GetAsync(ArticlePath)).Headers.Age);

        Assert.NotNull((await reader.GetAsync(ArticlePath)).Headers.Age);
        await PostCommentAsync(pair.A, "After the reconnect");
        await Until(async () => (await reader.GetStringAsync(ArticlePath)).Contains("After the reconnect", StringComparison.Ordinal), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AThousandHeartsSplitAcrossBoth_CountAThousand_AndViewsFromBothAddUp()
    {
        using var pair = new Pair();
        var (heartsBefore, viewsBefore) = await pair.A.WithDbAsync(db => db.Articles.Where(a => a.Slug == Slug).Select(a => new { a.Hearts, a.Views }).SingleAsync())
            is var start ? (start.Hearts, start.Views) : default;

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => HeartAsync(i % 2 == 0 ? pair.A : pair.B, Peer(i))));

        var hearts = await pair.B.WithDbAsync(db => db.Articles.Where(a => a.Slug == Slug).Select(a => new { a.Hearts, Rows = db.Hearts.Count(h => h.ArticleId == a.Id) }).SingleAsync());
        Assert.Equal(heartsBefore + 1000, hearts.Hearts);
        Assert.Equal(hearts.Rows, hearts.Hearts);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => (i < 20 ? pair.A : pair.B)
            .CreateReaderClient($"Mozilla/5.0 (Reader {i})", peer: Peer(2000 + i)).GetAsync(ArticlePath)));
        await Task.WhenAll(pair.A.FlushViewsAsync(), pair.B.FlushViewsAsync());

        Assert.Equal(viewsBefore + 30, await pair.A.WithDbAsync(db => db.Articles.Where(a => a.Slug == Slug).Select(a => a.Views).SingleAsync()));
    }

    private static async Task PostCommentAsync(BlogFactory instance, string text)
    {
        var commenter = instance.CreateReaderClient();
        // With its security cookie first, as a browser has by the time it posts, so the form carries its token.
        await commenter.GetAsync("/antiforgery/token");
        var posted = await Forms.SubmitAsync(commenter, ArticlePath, "form.comment-form",
            new Dictionary<string, string> { ["Input.Name"] = "Ada", ["Input.Body"] = text }, submitName: "intent=post");
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
    }

    private static Task Until(Func<bool> condition) => Until(() => Task.FromResult(condition()), TimeSpan.FromSeconds(10));

    private static async Task Until(Func<Task<bool>> condition, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < within, $"not so within {within.TotalSeconds} s");
            await Task.Delay(20);
        }
    }

    private static async Task HeartAsync(BlogFactory instance, string peer)
    {
        var client = instance.CreateReaderClient(peer: peer);
        var token = (await client.GetFromJsonAsync<JsonElement>("/antiforgery/token")).GetProperty("token").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, ArticlePath + "/heart")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Hearted"] = "true" }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"heart from {peer}: {(int)response.StatusCode}");
    }

    private static string Peer(int i) => $"198.51.{100 + i / 250}.{1 + i % 250}";

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    /// <summary>What the content syncs of both hosts said they did.</summary>
    private sealed class SyncLog : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Results { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName == typeof(BlogSite.Content.ContentSync).FullName);

        public void Dispose()
        {
        }

        private sealed class Logger(SyncLog log, bool isSync) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => isSync;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (isSync && formatter(state, exception) is var message && message.StartsWith("Content sync from", StringComparison.Ordinal))
                {
                    log.Results.Enqueue(message);
                }
            }
        }
    }

    /// <summary>Two hosts on one database and one content folder; the database is dropped after.</summary>
    private sealed class Pair : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("blogsite-pair-").FullName;

        public Pair()
        {
            // Made before either host starts, so that two starting at once do not both make it.
            if (TestStore.IsPostgres)
            {
                TestStore.DatabaseFor(root);
            }

            A = Instance();
            B = Instance();
        }

        public BlogFactory A { get; }

        public BlogFactory B { get; }

        private BlogFactory Instance()
        {
            var instance = BlogFactory.InFolder(root);
            instance.Settings["Comments:MinFormAgeSeconds"] = "0";
            return instance;
        }

        public void Dispose()
        {
            var database = A.PostgresConnectionString ?? B.PostgresConnectionString;
            A.Dispose();
            B.Dispose();
            if (database is not null)
            {
                TestStore.Drop(database);
            }

            Directory.Delete(root, recursive: true);
        }
    }
}
