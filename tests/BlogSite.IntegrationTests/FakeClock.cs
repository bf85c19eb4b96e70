namespace BlogSite.IntegrationTests;

/// <summary>A clock that stands still until a test moves it; the app takes it in place of <see cref="TimeProvider.System"/>.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
