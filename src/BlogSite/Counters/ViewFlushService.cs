using BlogSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Counters;

/// <summary>Adds buffered views to the store every few seconds and once more at shutdown.</summary>
public sealed class ViewFlushService(
    ViewCounter counter,
    IServiceScopeFactory scopes,
    IOptions<ViewOptions> options,
    ILogger<ViewFlushService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    /// <summary>Writes what is buffered; on failure the counts go back to the buffer for the next try.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var counts = counter.TakeBuffered();
        if (counts.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var (slug, count) in counts)
            {
                await db.Articles.Where(a => a.Slug == slug)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Views, a => a.Views + count), ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or OperationCanceledException)
        {
            counter.Return(counts);
            // A full disk is logged once by StoreWritability; a warning every few seconds until space returns would bury other logs.
            if (!StorageFull.Is(ex))
            {
                logger.LogWarning(ex, "Writing {Count} buffered view counts failed; they will be retried", counts.Count);
            }
        }
    }
}
