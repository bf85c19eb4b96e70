using BlogSite.Counters;
using BlogSite.Tests.Support;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Counters;

public sealed class ViewCounterTests
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));

    private ViewCounter Create(int windowMinutes = 30, int maxTrackedReaders = 1_000_000, int maxPerAddress = 3) =>
        new(Options.Create(new ViewOptions { WindowMinutes = windowMinutes, MaxTrackedReaders = maxTrackedReaders, MaxPerAddress = maxPerAddress }), clock);

    private static long Buffered(ViewCounter counter, string slug) =>
        counter.TakeBuffered().Where(c => c.Key == slug).Sum(c => c.Value);

    [Fact]
    public void TryCount_FirstView_Counts()
    {
        var counter = Create();

        Assert.True(counter.TryCount("go-pools", "reader-1", Browser));
        Assert.Equal([new KeyValuePair<string, long>("go-pools", 1)], counter.TakeBuffered());
    }

    [Fact]
    public void TryCount_RepeatWithinWindow_NotCounted()
    {
        var counter = Create();
        counter.TryCount("go-pools", "reader-1", Browser);

        clock.Advance(TimeSpan.FromMinutes(29));

        Assert.False(counter.TryCount("go-pools", "reader-1", Browser));
        Assert.Equal(1, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TryCount_RepeatAfterWindow_CountsAgain()
    {
        var counter = Create();
        counter.TryCount("go-pools", "reader-1", Browser);

        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.True(counter.TryCount("go-pools", "reader-1", Browser));
        Assert.False(counter.TryCount("go-pools", "reader-1", Browser));
        Assert.Equal(2, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TryCount_OtherArticleOrOtherReader_CountsSeparately()
    {
        var counter = Create();

        Assert.True(counter.TryCount("go-pools", "reader-1", Browser));
        Assert.True(counter.TryCount("ef-queries", "reader-1", Browser));
        Assert.True(counter.TryCount("go-pools", "reader-2", Browser));

        var counts = counter.TakeBuffered().ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal(2, counts["go-pools"]);
        Assert.Equal(1, counts["ef-queries"]);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("facebookexternalhit/1.1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryCount_Bot_NotCounted(string? userAgent)
    {
        var counter = Create();

        Assert.False(counter.TryCount("go-pools", "reader-1", userAgent));
        Assert.Empty(counter.TakeBuffered());
    }

    [Fact]
    public void IsBot_Browser_False() => Assert.False(ViewCounter.IsBot(Browser));

    [Fact]
    public void TryCount_ManyUserAgents_KeepsItsAnswersBounded_AndStillTellsBotsFromBrowsers()
    {
        var counter = Create();

        for (var i = 0; i < 5_000; i++)
        {
            Assert.True(counter.TryCount("go-pools", $"reader-{i}", $"{Browser} build/{i}"));
            Assert.False(counter.TryCount("go-pools", $"bot-{i}", $"ExampleBot/{i}"));
        }

        Assert.InRange(counter.KnownAgents, 1, 1024);
        Assert.Equal(5_000, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TryCount_ThousandReadersInParallel_ExactlyThousand()
    {
        var counter = Create();
        var counted = 0;

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            if (counter.TryCount("go-pools", $"reader-{i}", Browser))
            {
                Interlocked.Increment(ref counted);
            }
        });

        Assert.Equal(1000, counted);
        Assert.Equal(1000, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TryCount_OneReaderTwoHundredTimesInParallel_ExactlyOne()
    {
        var counter = Create();
        var counted = 0;

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ =>
        {
            if (counter.TryCount("go-pools", "reader-1", Browser))
            {
                Interlocked.Increment(ref counted);
            }
        });

        Assert.Equal(1, counted);
        Assert.Equal(1, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TryCount_OneReaderInParallelAfterWindow_ExactlyOneMore()
    {
        var counter = Create();
        counter.TryCount("go-pools", "reader-1", Browser);
        counter.TakeBuffered();
        clock.Advance(TimeSpan.FromMinutes(31));
        var counted = 0;

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ =>
        {
            if (counter.TryCount("go-pools", "reader-1", Browser))
            {
                Interlocked.Increment(ref counted);
            }
        });

        Assert.Equal(1, counted);
        Assert.Equal(1, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TakeBuffered_Twice_SecondEmpty()
    {
        var counter = Create();
        counter.TryCount("go-pools", "reader-1", Browser);

        Assert.Single(counter.TakeBuffered());
        Assert.Empty(counter.TakeBuffered());
    }

    [Fact]
    public void Return_AfterFailedWrite_CountsAddedToNewViews()
    {
        var counter = Create();
        counter.TryCount("go-pools", "reader-1", Browser);
        counter.TryCount("go-pools", "reader-2", Browser);
        counter.TryCount("ef-queries", "reader-1", Browser);
        var taken = counter.TakeBuffered();
        counter.TryCount("go-pools", "reader-3", Browser);

        counter.Return(taken);

        var counts = counter.TakeBuffered().ToDictionary(c => c.Key, c => c.Value);
        Assert.Equal(3, counts["go-pools"]);
        Assert.Equal(1, counts["ef-queries"]);
    }

    [Fact]
    public void TryCount_FortyBrowsersFromOneAddress_CountOnlyTheCap()
    {
        var counter = Create(maxPerAddress: 3);

        var counted = Enumerable.Range(0, 40).Count(i => counter.TryCount("go-pools", "203.0.113.5", $"Mozilla/5.0 (Reader {i})"));

        Assert.Equal(3, counted);
        Assert.True(counter.TryCount("go-pools", "203.0.113.6", Browser));
        Assert.True(counter.TryCount("ef-queries", "203.0.113.5", Browser));
        Assert.Equal(4, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TryCount_AddressAtCap_CountsAgainAsItsReadersWindowsEnd()
    {
        var counter = Create(maxPerAddress: 2);
        counter.TryCount("go-pools", "203.0.113.5", "Mozilla/5.0 (A)");
        clock.Advance(TimeSpan.FromMinutes(10));
        counter.TryCount("go-pools", "203.0.113.5", "Mozilla/5.0 (B)");
        Assert.False(counter.TryCount("go-pools", "203.0.113.5", "Mozilla/5.0 (C)"));

        clock.Advance(TimeSpan.FromMinutes(20));

        Assert.True(counter.TryCount("go-pools", "203.0.113.5", "Mozilla/5.0 (C)"));
        Assert.False(counter.TryCount("go-pools", "203.0.113.5", "Mozilla/5.0 (D)"));
        Assert.False(counter.TryCount("go-pools", "203.0.113.5", "Mozilla/5.0 (B)"));
        Assert.Equal(3, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TryCount_TableFull_ForgetsTheOldest_AndKeepsCountingNewReaders()
    {
        var counter = Create(maxTrackedReaders: 4);

        var counted = Enumerable.Range(0, 100).Count(i => counter.TryCount("go-pools", $"reader-{i}", Browser));

        Assert.Equal(100, counted);
        Assert.InRange(counter.Tracked, 1, 4);
        // The latest reader is still remembered; the first was forgotten to make room, so it counts again.
        Assert.False(counter.TryCount("go-pools", "reader-99", Browser));
        Assert.True(counter.TryCount("go-pools", "reader-0", Browser));
        Assert.Equal(101, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TryCount_ReaderSeenAgain_OutlivesItsGeneration()
    {
        var counter = Create(maxTrackedReaders: 4);
        counter.TryCount("go-pools", "regular", Browser);

        for (var i = 0; i < 20; i++)
        {
            counter.TryCount("go-pools", $"passer-by-{i}", Browser);
            Assert.False(counter.TryCount("go-pools", "regular", Browser));
        }

        Assert.Equal(21, Buffered(counter, "go-pools"));
    }

    [Fact]
    public void TryCount_ManyWindowsPass_OldReadersAreDropped_AndStillInWindowRemembered()
    {
        var counter = Create();
        counter.TryCount("go-pools", "reader-1", Browser);
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(31));
            counter.TryCount("go-pools", $"reader-{i + 2}", Browser);
        }

        Assert.InRange(counter.Tracked, 1, 2);
        Assert.False(counter.TryCount("go-pools", "reader-11", Browser));
        Assert.True(counter.TryCount("go-pools", "reader-1", Browser));
    }

    [Fact]
    public void TryCount_OneAddressManyBrowsersInParallel_ExactlyTheCap()
    {
        var counter = Create(maxPerAddress: 3);
        var counted = 0;

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            if (counter.TryCount("go-pools", "203.0.113.5", $"Mozilla/5.0 (Reader {i % 40})"))
            {
                Interlocked.Increment(ref counted);
            }
        });

        Assert.Equal(3, counted);
    }
}
