using System.Reflection;
using BlogSite.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BlogSite.Backups;

public enum BackupOutcome
{
    Done,
    Failed,

    /// <summary>Another backup or a restore of the same store is running.</summary>
    Busy,
}

public sealed record BackupResult(BackupOutcome Outcome, string Message, string? ArchivePath = null, BackupManifest? Manifest = null);

/// <summary>Where the scheduled backups stand, as of <paramref name="Now"/>.</summary>
/// <param name="Enabled">Backup:IntervalHours is not 0.</param>
/// <param name="Interval">Backup:IntervalHours.</param>
/// <param name="Newest">The newest archive in Backup:Path, or null when there is none.</param>
/// <param name="LastFailureAt">When this process last failed to make a backup there.</param>
/// <param name="NextDueAt">When the schedule makes the next one (see <see cref="BackupSchedule"/>).</param>
/// <param name="Now">The time the state was read.</param>
/// <param name="StartedAt">When this process started.</param>
/// <param name="FolderProblem">Why Backup:Path could not be listed, when it could not.</param>
public sealed record BackupState(bool Enabled, TimeSpan Interval, BackupName? Newest, DateTimeOffset? LastFailureAt,
    DateTimeOffset NextDueAt, DateTimeOffset Now, DateTimeOffset StartedAt, string? FolderProblem)
{
    /// <summary>The last attempt failed: no good archive was made after it.</summary>
    public bool LastFailed => LastFailureAt is { } failed && (Newest is null || failed > Newest.CreatedAt);
}

/// <summary>
/// Makes backups, for the CLI and the schedule alike: one at a time per store (a lock beside the database, so also
/// across processes), each a verified archive that appears under its final name only when complete, then the old
/// ones beyond Backup:Keep go. A failure is logged as an error and leaves nothing behind but the log line.
/// </summary>
public sealed class BackupService(StoreFiles files, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupService> logger) : IDisposable
{
    private static readonly string AppVersion = typeof(BackupService).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly DateTimeOffset startedAt = clock.GetUtcNow();
    private long lastFailureTicks;

    public StoreFiles Files => files;

    /// <summary>Backs up into <paramref name="folder"/>, or into Backup:Path when null (where Backup:Keep applies).</summary>
    public async Task<BackupResult> CreateAsync(string? folder, CancellationToken ct) => (await CreateTurnAsync(folder, onlyIfDue: false, ct))!;

    /// <summary>
    /// Backs up into Backup:Path when the schedule says one is due once this caller's turn comes, or returns null.
    /// The schedule's caller waits behind any backup of this process, and the backup (or failure) it waited for
    /// moves the due time.
    /// </summary>
    public Task<BackupResult?> CreateIfDueAsync(CancellationToken ct) => CreateTurnAsync(null, onlyIfDue: true, ct);

    private async Task<BackupResult?> CreateTurnAsync(string? folder, bool onlyIfDue, CancellationToken ct)
    {
        var scheduled = Path.GetFullPath(files.BackupFolder);
        var target = folder is null ? scheduled : Path.GetFullPath(folder);
        // In-process callers queue; another process holding the lock is told so.
        await gate.WaitAsync(ct);
        try
        {
            if (onlyIfDue && State() is var state && state.NextDueAt > state.Now)
            {
                return null;
            }

            FileStream? storeLock;
            try
            {
                storeLock = StoreLock.TryTake(files.BackupLockPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Failed(ex, target, managed: string.Equals(target, scheduled, StringComparison.Ordinal));
            }

            using var held = storeLock;
            if (storeLock is null)
            {
                return new BackupResult(BackupOutcome.Busy,
                    $"Another backup or a restore of {files.DatabasePath} is running (it holds {files.BackupLockPath}); try again when it ends.");
            }

            return await CreateLockedAsync(target, managed: string.Equals(target, scheduled, StringComparison.Ordinal), ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public BackupState State()
    {
        var interval = TimeSpan.FromHours(options.Value.IntervalHours);
        var now = clock.GetUtcNow();
        BackupName? newest = null;
        string? folderProblem = null;
        try
        {
            newest = BackupName.In(files.BackupFolder) is [var first, ..] ? first : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            folderProblem = ex.Message;
        }

        var failed = Interlocked.Read(ref lastFailureTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        return new BackupState(interval > TimeSpan.Zero, interval, newest, failed,
            BackupSchedule.NextDueAt(newest?.CreatedAt, failed, interval, now), now, startedAt, folderProblem);
    }

    private async Task<BackupResult> CreateLockedAsync(string target, bool managed, CancellationToken ct)
    {
        var createdAt = clock.GetUtcNow();
        var work = $".blog-{BackupName.Stamp(createdAt)}-{Guid.NewGuid():N}";
        var databaseCopy = Path.Combine(target, work + ".db.tmp");
        var archiveTemporary = Path.Combine(target, work + ".tar.gz.tmp");
        try
        {
            if (!File.Exists(files.DatabasePath))
            {
                throw new BackupException($"there is no database at {files.DatabasePath}");
            }

            Directory.CreateDirectory(target);
            RemoveLeftovers(target);
            await StoreSnapshot.VacuumIntoAsync(files.DatabasePath, databaseCopy, ct);
            var facts = await StoreSnapshot.ReadFactsAsync(databaseCopy, ct);
            if (facts.IntegrityProblems.Count > 0)
            {
                throw new BackupException($"the copy of the database failed its integrity check ({facts.IntegrityProblems[0]})");
            }

            var schema = facts.SchemaVersion ?? throw new BackupException("the database has no migrations applied; start the site once first");
            // The database first, the media after: every image the copy refers to was already stored, so it is in the archive too.
            List<BackupPart> parts = [await BackupArchive.PartAsync(BackupManifest.DatabasePart, databaseCopy, ct)];
            foreach (var (partPath, file) in MediaFiles())
            {
                parts.Add(await BackupArchive.PartAsync(partPath, file, ct));
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, createdAt, AppVersion, schema, facts.Tables, parts);
            await using (var stream = new FileStream(archiveTemporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                await BackupArchive.WriteAsync(stream, manifest, databaseCopy, files.MediaFolder, ct);
                await stream.FlushAsync(ct);
                // On the disk before it gets a name that says it is good.
                stream.Flush(flushToDisk: true);
            }

            await BackupArchive.ReadAsync(archiveTemporary, _ => Stream.Null, ct);
            var archive = MoveIntoPlace(archiveTemporary, target, createdAt);
            var size = new FileInfo(archive).Length;
            if (managed)
            {
                RemoveExpired(target);
            }

            logger.LogInformation("Backed up {Database} and {MediaCount} media files to {Archive} ({Bytes} bytes)",
                files.DatabasePath, parts.Count - 1, archive, size);
            return new BackupResult(BackupOutcome.Done,
                $"Backed up to {archive} ({Media.ImageStore.Size(size)}: {facts.Tables.Values.Sum()} rows in {facts.Tables.Count} tables, "
                + $"{parts.Count - 1} media files, schema {schema}).", archive, manifest);
        }
        catch (Exception ex) when (ex is BackupException or IOException or UnauthorizedAccessException or SqliteException)
        {
            return Failed(ex, target, managed);
        }
        finally
        {
            foreach (var leftover in new[] { databaseCopy, databaseCopy + "-wal", databaseCopy + "-shm", databaseCopy + "-journal", archiveTemporary })
            {
                TryDelete(leftover);
            }
        }
    }

    private BackupResult Failed(Exception ex, string target, bool managed)
    {
        if (managed)
        {
            Interlocked.Exchange(ref lastFailureTicks, clock.GetUtcNow().UtcTicks);
        }

        logger.LogError(ex, "Backing up {Database} to {Folder} failed: {Reason}", files.DatabasePath, target, ex.Message);
        return new BackupResult(BackupOutcome.Failed, $"The backup failed, and no archive was made: {ex.Message}.");
    }

    /// <summary>The media files by their path in the archive; dot-names (uploads in progress) are not media yet.</summary>
    private List<(string PartPath, string File)> MediaFiles()
    {
        if (!Directory.Exists(files.MediaFolder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(files.MediaFolder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(file => (PartPath: BackupManifest.MediaPrefix + Path.GetRelativePath(files.MediaFolder, file).Replace(Path.DirectorySeparatorChar, '/'), File: file))
            .Where(media => BackupManifest.IsSafeMediaPath(media.PartPath))
            .OrderBy(media => media.PartPath, StringComparer.Ordinal)];
    }

    private static string MoveIntoPlace(string temporary, string folder, DateTimeOffset createdAt)
    {
        // After the last of this second's archives, even when retention removed earlier ones, so the new one sorts newest.
        var stamp = BackupName.TryParse(BackupName.For(createdAt, 1))!.CreatedAt;
        var first = BackupName.In(folder).Where(a => a.CreatedAt == stamp).Select(a => a.Sequence).DefaultIfEmpty(0).Max() + 1;
        for (var sequence = first; ; sequence++)
        {
            var path = Path.Combine(folder, BackupName.For(createdAt, sequence));
            try
            {
                File.Move(temporary, path, overwrite: false);
                FolderSync.Flush(folder);
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another archive was made in the same second.
            }
        }
    }

    private void RemoveExpired(string folder)
    {
        foreach (var expired in BackupRetention.Expired(BackupName.In(folder), options.Value.Keep))
        {
            try
            {
                File.Delete(Path.Combine(folder, expired.FileName));
                logger.LogInformation("Deleted the backup {Archive}, older than the newest {Keep}", expired.FileName, options.Value.Keep);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Could not delete the old backup {Archive}", expired.FileName);
            }
        }
    }

    /// <summary>Work files of a backup that was killed part-way; this store's backup lock is held, so none is in use.</summary>
    private static void RemoveLeftovers(string folder)
    {
        foreach (var leftover in Directory.EnumerateFiles(folder, ".blog-*.tmp*"))
        {
            TryDelete(leftover);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Removed by the next backup's clean-up.
        }
    }

    public void Dispose() => gate.Dispose();
}
