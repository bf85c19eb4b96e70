using BlogSite.Counters;
using BlogSite.Data;
using BlogSite.Domain;
using BlogSite.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Counters;

public sealed class ViewFlushServiceTests : IDisposable
{
    private const string Browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/128.0";

    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLogger<ViewFlushService> log = new();
    private readonly ViewCounter counter;

    public ViewFlushServiceTests() => counter = new ViewCounter(Options.Create(new ViewOptions()), clock);

    public void Dispose() => database.Dispose();

    private ViewFlushService Create(Func<BlogDbContext> contexts)
    {
        var services = new ServiceCollection().AddScoped(_ => contexts()).BuildServiceProvider();
        return new ViewFlushService(counter, services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new ViewOptions()), log);
    }

    private void Seed(string slug, long views)
    {
        using var db = database.CreateContext();
        db.Articles.Add(new Article
        {
            Slug = slug,
            Title = slug,
            Status = ArticleStatus.Published,
            Views = views,
            Category = db.Categories.FirstOrDefault() ?? new Category { Slug = "tech", Name = "Tech" },
        });
        db.SaveChanges();
    }

    private long ViewsOf(string slug)
    {
        using var db = database.CreateContext();
        return db.Articles.Single(a => a.Slug == slug).Views;
    }

    [Fact]
    public async Task FlushAsync_BufferedViews_AddedToStore()
    {
        Seed("go-pools", 7);
        Seed("ef-queries", 0);
        for (var i = 0; i < 3; i++)
        {
            counter.TryCount("go-pools", $"reader-{i}", Browser);
        }

        counter.TryCount("ef-queries", "reader-0", Browser);

        await Create(database.CreateContext).FlushAsync(CancellationToken.None);

        Assert.Equal(10, ViewsOf("go-pools"));
        Assert.Equal(1, ViewsOf("ef-queries"));
        Assert.Empty(counter.TakeBuffered());
    }

    [Fact]
    public async Task FlushAsync_StoreFails_CountsKeptForNextTry()
    {
        counter.TryCount("go-pools", "reader-1", Browser);
        counter.TryCount("go-pools", "reader-2", Browser);
        // A database without the schema: the update fails the way a locked or missing store would.
        using var empty = new SqliteConnection("Data Source=:memory:");
        empty.Open();

        await Create(() => new BlogDbContext(new DbContextOptionsBuilder<BlogDbContext>().UseSqlite(empty).Options))
            .FlushAsync(CancellationToken.None);

        Assert.Equal([new KeyValuePair<string, long>("go-pools", 2)], counter.TakeBuffered());
        Assert.Single(log.Warnings);
    }
}
