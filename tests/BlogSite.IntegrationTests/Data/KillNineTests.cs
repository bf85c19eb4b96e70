using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BlogSite.IntegrationTests.Data;

/// <summary>
/// The built app as its own process on a real port, killed with SIGKILL in the middle of hearts and comments:
/// every write it acknowledged is in the store, the heart counts match their rows, the file is intact, and the
/// app starts again on it.
/// </summary>
[Trait(TestStore.Trait, TestStore.SqliteFile)] // SQLite's WAL file after a kill -9: the Postgres pass leaves these out (see TestStore)
public sealed partial class KillNineTests(ITestOutputHelper output)
{
    private static readonly string[] Slugs = ["ef-core-query-counts", "sizing-go-worker-pools", "reading-go-stack-traces", "flaky-test-retrospective"];

    [Fact]
    public async Task KillNine_MidLoad_LosesNoAcknowledgedWrite_AndTheStoreStartsAgain()
    {
        var root = Directory.CreateTempSubdirectory("blogsite-kill9-").FullName;
        try
        {
            var content = Path.Combine(root, "content");
            Directory.CreateDirectory(content);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(BlogFactory.RepositoryRoot, "content"), "*.md"))
            {
                File.Copy(file, Path.Combine(content, Path.GetFileName(file)));
            }

            var database = Path.Combine(root, "blog.db");
            var (app, baseUrl) = await StartAsync(root, database, content);
            using (var warm = new HttpClient { BaseAddress = new Uri(baseUrl) })
            {
                foreach (var slug in Slugs)
                {
                    Assert.Equal(HttpStatusCode.OK, (await warm.GetAsync($"/articles/{slug}")).StatusCode);
                }
            }

            var comments = new ConcurrentBag<string>();
            var hearts = new ConcurrentBag<string>();
            var answers = new ConcurrentDictionary<string, int>();
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 24).Select(worker => Task.Run(() => WriteAsync(baseUrl, worker, comments, hearts, answers, stop.Token))).ToList();

            // Killed once writes are flowing, so requests are in flight at every stage of a write.
            for (var wait = Stopwatch.StartNew(); comments.Count + hearts.Count < 60 && wait.Elapsed < TimeSpan.FromSeconds(30);)
            {
                await Task.Delay(50);
            }

            Assert.True(comments.Count + hearts.Count > 20, $"the load barely ran: {comments.Count} comments, {hearts.Count} hearts; answers: {string.Join(", ", answers.Select(a => $"{a.Key} x{a.Value}"))}");
            app.Kill();
            await app.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
            output.WriteLine($"killed after {comments.Count} comments and {hearts.Count} hearts were acknowledged; answers: "
                + string.Join(", ", answers.Select(a => $"{a.Key} x{a.Value}")));

            await using (var store = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                await store.OpenAsync();
                Assert.Equal("ok", await ScalarAsync<string>(store, "PRAGMA integrity_check"));
                var stored = await ColumnAsync(store, "SELECT Body FROM Comments");
                Assert.All(comments, body => Assert.Contains(body, stored));
                var heartRows = await ColumnAsync(store, "SELECT a.Slug || ' ' || h.ReaderKey FROM Hearts h JOIN Articles a ON a.Id = h.ArticleId");
                Assert.True(heartRows.Count >= hearts.Count, $"{hearts.Count} hearts acknowledged, {heartRows.Count} stored");
                Assert.Equal(0, await ScalarAsync<long>(store, "SELECT count(*) FROM Articles a WHERE a.Hearts <> (SELECT count(*) FROM Hearts h WHERE h.ArticleId = a.Id)"));
            }

            var (again, againUrl) = await StartAsync(root, database, content);
            try
            {
                using var reader = new HttpClient { BaseAddress = new Uri(againUrl) };
                var page = await reader.GetAsync($"/articles/{Slugs[0]}");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal("Healthy", await reader.GetStringAsync("/healthz/ready"));
            }
            finally
            {
                again.Kill();
                await again.WaitForExitAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>One reader hearting each article once and posting comments, recording what was acknowledged.</summary>
    private static async Task WriteAsync(string baseUrl, int worker, ConcurrentBag<string> comments, ConcurrentBag<string> hearts,
        ConcurrentDictionary<string, int> answers, CancellationToken ct)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(baseUrl) };
        try
        {
            var token = (await client.GetFromJsonAsync<JsonElement>("/antiforgery/token", ct)).GetProperty("token").GetString()!;
            var page = await client.GetStringAsync($"/articles/{Slugs[0]}", ct);
            var started = WebUtility.HtmlDecode(StartedField().Match(page).Groups[1].Value);
            for (var i = 0; !ct.IsCancellationRequested; i++)
            {
                if (i < Slugs.Length)
                {
                    using var heart = await client.PostAsync($"/articles/{Slugs[i]}/heart", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["Hearted"] = "true",
                    }), ct);
                    answers.AddOrUpdate($"heart {(int)heart.StatusCode}", 1, (_, n) => n + 1);
                    if (heart.StatusCode is HttpStatusCode.Redirect)
                    {
                        hearts.Add($"{worker} {Slugs[i]}");
                    }
                }

                var body = $"Comment {i} from reader {worker}, kill9-{Guid.NewGuid():N}.";
                using var comment = await client.PostAsync($"/articles/{Slugs[i % Slugs.Length]}/comments", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.Name"] = $"Reader {worker}",
                    ["Input.Body"] = body,
                    ["Input.Started"] = started,
                    ["intent"] = "post",
                }), ct);
                answers.AddOrUpdate($"comment {(int)comment.StatusCode}", 1, (_, n) => n + 1);
                if (comment.StatusCode is HttpStatusCode.Redirect)
                {
                    comments.Add(body);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            answers.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
            // The process died under the request: it was never acknowledged.
        }
    }

    private static async Task<(Process App, string BaseUrl)> StartAsync(string root, string database, string content)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var appFolder = Path.Combine(BlogFactory.RepositoryRoot, "src", "BlogSite", "bin", configuration, "net10.0");
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(appFolder, "BlogSite.dll")])
        {
            WorkingDirectory = appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseUrl,
            ["ASPNETCORE_CONTENTROOT"] = Path.Combine(BlogFactory.RepositoryRoot, "src", "BlogSite"),
            ["ConnectionStrings__Blog"] = $"Data Source={database}",
            ["Site__BaseUrl"] = baseUrl,
            ["Content__Path"] = content,
            ["Media__Path"] = Path.Combine(root, "media"),
            ["Comments__MinFormAgeSeconds"] = "0",
            ["Comments__PostsPerWindow"] = "10000",
            ["Comments__MaxLinks"] = "100",
            ["RateLimits__HeartsPerMinute"] = "100000",
            ["RateLimits__HeartsPerAddressPerMinute"] = "100000",
        })
        {
            start.Environment[key] = value;
        }

        var app = Process.Start(start)!;
        app.OutputDataReceived += (_, _) => { };
        app.ErrorDataReceived += (_, _) => { };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(2) };
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(90);)
        {
            Assert.False(app.HasExited, $"the app exited with {(app.HasExited ? app.ExitCode : 0)}");
            try
            {
                if ((await probe.GetAsync("/healthz/ready")).IsSuccessStatusCode)
                {
                    return (app, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        app.Kill();
        throw new TimeoutException("The app did not become ready within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HashSet<string>> ColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [GeneratedRegex("name=\"Input.Started\" value=\"([^\"]+)\"")]
    private static partial Regex StartedField();
}
