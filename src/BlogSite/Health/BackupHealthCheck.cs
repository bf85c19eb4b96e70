using System.Globalization;
using BlogSite.Backups;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlogSite.Health;

/// <summary>
/// The age of the newest good backup. Degraded (still 200, so the site stays in its load balancer) when the last
/// attempt failed, or the newest archive, or the start of the site when there is none, is older than twice
/// Backup:IntervalHours; never Unhealthy, since readers are served as well without a recent backup.
/// </summary>
public sealed class BackupHealthCheck(BackupService backups) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = backups.State();
        if (!state.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Backups are off (Backup:IntervalHours is 0).",
                new Dictionary<string, object> { ["enabled"] = false }));
        }

        var data = new Dictionary<string, object>
        {
            ["enabled"] = true,
            ["intervalHours"] = state.Interval.TotalHours,
            ["nextBackupAt"] = state.NextDueAt,
        };
        if (state.Newest is { } newest)
        {
            data["lastBackupAt"] = newest.CreatedAt;
            data["ageSeconds"] = (long)(state.Now - newest.CreatedAt).TotalSeconds;
            data["archive"] = newest.FileName;
        }

        if (state.LastFailureAt is { } failedAt)
        {
            data["lastFailureAt"] = failedAt;
        }

        var age = state.Now - (state.Newest?.CreatedAt ?? state.StartedAt);
        var newestText = state.Newest is null ? "there is none yet" : $"the newest, {state.Newest.FileName}, is {Hours(age)} old";
        // The reason stays in the log: readiness is answered to anyone, and an error can name server paths.
        var result = state.FolderProblem is not null ? HealthCheckResult.Degraded("The backups folder cannot be read; the log says why.", data: data)
            : state.LastFailed ? HealthCheckResult.Degraded($"The last backup, at {state.LastFailureAt:u}, failed (the log says why); {newestText}.", data: data)
            : age > 2 * state.Interval ? HealthCheckResult.Degraded(
                $"No backup for {Hours(age)}, more than twice Backup:IntervalHours; {newestText}.", data: data)
            : HealthCheckResult.Healthy(state.Newest is null ? $"No backup yet; one is due at {state.NextDueAt:u}." : $"Backed up {Hours(age)} ago ({state.Newest.FileName}).", data);
        return Task.FromResult(result);
    }

    private static string Hours(TimeSpan age) => age.TotalHours.ToString("0.0", CultureInfo.InvariantCulture) + " hours";
}
