using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.IntegrationTests.Counters;

public sealed class ViewCountingTests
{
    private static Task<long> ViewsAsync(BlogFactory factory, string slug) =>
        factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Views).SingleAsync());

    [Fact]
    public async Task ParallelReaders_AreCountedExactly_EvenFromTheCache()
    {
        using var factory = new BlogFactory();
        const string slug = "sizing-go-worker-pools";
        const int readers = 300;

        var responses = await Task.WhenAll(Enumerable.Range(0, readers).Select(i =>
            factory.CreateReaderClient($"Mozilla/5.0 (Reader {i})", peer: Peer(i)).GetAsync("/articles/" + slug)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await factory.FlushViewsAsync();

        Assert.Equal(readers, await ViewsAsync(factory, slug));
    }

    private static string Peer(int i) => $"198.51.{100 + (i / 250)}.{1 + (i % 250)}";

    [Fact]
    public async Task FortyUserAgents_FromOneAddress_AddAtMostTheCap()
    {
        using var factory = new BlogFactory();
        const string slug = "sizing-go-worker-pools";

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            factory.CreateReaderClient($"Mozilla/5.0 (Reader {i})", peer: "203.0.113.5").GetAsync("/articles/" + slug)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await factory.CreateReaderClient(peer: "203.0.113.6").GetAsync("/articles/" + slug);
        await factory.FlushViewsAsync();

        Assert.Equal(3 + 1, await ViewsAsync(factory, slug));
    }

    [Fact]
    public async Task OneReader_ManyTimes_CountsOnce_AndBotsNotAtAll()
    {
        using var factory = new BlogFactory();
        const string slug = "ef-core-query-counts";
        var reader = factory.CreateReaderClient();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => reader.GetAsync("/articles/" + slug)));
        foreach (var bot in new[] { "Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0", "" })
        {
            await factory.CreateReaderClient(bot).GetAsync("/articles/" + slug);
        }

        await factory.CreateReaderClient().GetAsync("/articles/no-such-article");
        await factory.FlushViewsAsync();

        Assert.Equal(1, await ViewsAsync(factory, slug));
    }

    [Fact]
    public async Task BufferedViews_AreWritten_AtShutdown()
    {
        const string slug = "flaky-test-retrospective";
        var root = Directory.CreateTempSubdirectory("blogsite-shutdown-").FullName;
        try
        {
            var factory = BlogFactory.InFolder(root);
            await Task.WhenAll(Enumerable.Range(0, 7).Select(i =>
                factory.CreateReaderClient($"Mozilla/5.0 (Reader {i})", peer: Peer(i)).GetAsync("/articles/" + slug)));

            // Stopping the host flushes the buffer; no flush was asked for before.
            await factory.DisposeAsync();

            // A second site on the same store reads what the first one left.
            var after = BlogFactory.InFolder(root);
            long views;
            try
            {
                views = await after.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Views).SingleAsync());
            }
            finally
            {
                var database = after.PostgresConnectionString;
                await after.DisposeAsync();
                if (database is not null)
                {
                    TestStore.Drop(database);
                }
            }

            Assert.Equal(7L, views);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
