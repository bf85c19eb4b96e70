using Microsoft.Extensions.Options;

namespace BlogSite.Content;

/// <summary>
/// At most <see cref="RenderingOptions.MaxConcurrentRenders"/> renders at once, articles and comments alike. A render
/// cannot be stopped once it runs, so its slot is held until it really ends, not until its caller stops waiting:
/// renders that overrun their time limit take slots, and the requests after them get the fallback instead of
/// piling more threads onto the cores.
/// </summary>
public sealed class RenderSlots(IOptions<RenderingOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentRenders, options.Value.MaxConcurrentRenders);
    private readonly TimeSpan wait = TimeSpan.FromMilliseconds(options.Value.RenderSlotWaitMilliseconds);

    /// <summary>Starts <paramref name="render"/> on its own thread once a slot is free; null when none was free in time.</summary>
    public async Task<Task<T>?> TryStartAsync<T>(Func<T> render, CancellationToken ct)
    {
        if (!await slots.WaitAsync(wait, ct))
        {
            return null;
        }

        // Its own thread, not the pool's: pathological Markdown can keep a render busy for half a minute.
        return Task.Factory.StartNew(() =>
        {
            try
            {
                return render();
            }
            finally
            {
                slots.Release();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Dispose() => slots.Dispose();
}
