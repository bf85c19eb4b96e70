namespace BlogSite.Backups;

/// <summary>
/// On PostgreSQL, BlogSite makes no backups: its archives are a copy of the SQLite file, and a PostgreSQL server is
/// backed up by PostgreSQL's own tools, which do it online and consistently (pg_dump, or base backups with WAL archiving
/// for point-in-time recovery). The `backup` and `restore` commands refuse with <see cref="Message"/>, the schedule
/// logs it once at start-up, and the readiness check has no backups entry (there is nothing of BlogSite's to watch).
/// </summary>
public static class PostgresBackups
{
    public const string Message =
        "This store is PostgreSQL (Database:Provider=Postgres): BlogSite's backup and restore copy a SQLite file and do not run here. "
        + "Back the database up with PostgreSQL's tools (pg_dump -Fc, restored with pg_restore; or base backups with WAL archiving), "
        + "and copy Media:Path with it.";
}

/// <summary>Says once, at start-up, that Backup:IntervalHours makes no backups on PostgreSQL, so that nobody counts on them.</summary>
public sealed class PostgresBackupNotice(ILogger<PostgresBackupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("Scheduled backups are off: {Reason}", PostgresBackups.Message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
