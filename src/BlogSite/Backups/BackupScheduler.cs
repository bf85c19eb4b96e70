using Microsoft.Extensions.Options;

namespace BlogSite.Backups;

/// <summary>Makes a backup whenever one is due (see <see cref="BackupSchedule"/>), while the site runs.</summary>
public sealed class BackupScheduler(BackupService backups, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupScheduler> logger)
    : BackgroundService
{
    // Waking this often lets a backup made by the CLI, or a change of the clock, move the next one.
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan WaitWhenBusy = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalHours == 0)
        {
            logger.LogInformation("Scheduled backups are off (Backup:IntervalHours is 0)");
            return;
        }

        // Start-up goes on while the first backup is made.
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var state = backups.State();
                var wait = state.NextDueAt - state.Now;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait < MaxSleep ? wait : MaxSleep, clock, stoppingToken);
                    continue;
                }

                BackupResult? result;
                try
                {
                    result = await backups.CreateIfDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // What CreateAsync did not foresee must not end the schedule: a failed BackgroundService stops the host.
                    logger.LogError(ex, "A scheduled backup failed");
                    await Task.Delay(BackupSchedule.RetryAfterFailure, clock, stoppingToken);
                    continue;
                }

                if (result?.Outcome == BackupOutcome.Busy)
                {
                    logger.LogInformation("A scheduled backup waits: {Reason}", result.Message);
                    await Task.Delay(WaitWhenBusy, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
