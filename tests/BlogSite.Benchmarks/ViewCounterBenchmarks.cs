using BenchmarkDotNet.Attributes;
using BlogSite.Counters;
using Microsoft.Extensions.Options;

namespace BlogSite.Benchmarks;

/// <summary>
/// What the view counter adds to every article page hit, cached or not: a returning reader (the entry is
/// found and the reader's slot is still in its window), a stream of new readers that keeps the table
/// full and rotating, and both again from two threads at once.
/// </summary>
[MemoryDiagnoser]
// Not sealed: BenchmarkDotNet's generated runner derives from the benchmark class.
public class ViewCounterBenchmarks
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
    private const int Readers = 200_000;

    private readonly string[] addresses = Enumerable.Range(0, Readers).Select(i => $"10.{i >> 16}.{(i >> 8) & 255}.{i & 255}").ToArray();
    private ViewCounter counter = default!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        // A table a tenth the size of the stream, so that new readers keep it full.
        counter = new ViewCounter(Options.Create(new ViewOptions { MaxTrackedReaders = Readers / 10 }), TimeProvider.System);
        counter.TryCount("sizing-go-worker-pools", "203.0.113.5", Browser);
    }

    [Benchmark(Description = "TryCount, returning reader")]
    public bool Returning() => counter.TryCount("sizing-go-worker-pools", "203.0.113.5", Browser);

    [Benchmark(Description = "TryCount, new reader (table full)")]
    public bool New()
    {
        next = (next + 1) % Readers;
        return counter.TryCount("sizing-go-worker-pools", addresses[next], Browser);
    }

    [Benchmark(Description = "TryCount x 10,000, 2 threads, new and returning readers", OperationsPerInvoke = 10_000)]
    public void TwoThreads() => Parallel.For(0, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        counter.TryCount("sizing-go-worker-pools", i % 2 == 0 ? "203.0.113.5" : addresses[i * 7 % Readers], Browser));
}
