using BlogSite.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BlogSite.Backups;

public enum RestoreOutcome
{
    Restored,

    /// <summary>The archive is missing, unreadable or not what its manifest says; nothing was changed.</summary>
    Refused,

    /// <summary>A site runs on the store, or a backup of it is running; nothing was changed.</summary>
    InUse,

    /// <summary>Moving files failed part-way; the message says what was put back.</summary>
    Failed,
}

public sealed record RestoreResult(RestoreOutcome Outcome, string Message);

/// <summary>
/// Replaces the store (database and media) with an archive's. Nothing is opened or changed until the whole archive is
/// unpacked beside its destination and checked: every file against the manifest, the database by integrity_check, its
/// schema against the manifest and this version's migrations. Then the current database (with its -wal and -shm) and
/// media folder are renamed aside with a timestamp, never deleted, and the checked copies renamed into place.
/// </summary>
public sealed class RestoreCommand(StoreFiles files, TimeProvider clock, IServiceScopeFactory scopes)
{
    private static readonly string[] DatabaseCompanions = ["", "-wal", "-shm", "-journal"];

    public async Task<RestoreResult> RunAsync(string archivePath, CancellationToken ct)
    {
        var archive = Path.GetFullPath(archivePath);
        var name = Path.GetFileName(archive);
        if (!File.Exists(archive))
        {
            return new RestoreResult(RestoreOutcome.Refused, $"There is no archive at {archive}.");
        }

        if (StoreLock.LockingDisabled)
        {
            return new RestoreResult(RestoreOutcome.InUse,
                "File locking is off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING), so a running site could not be told from none; unset it to restore.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(files.DatabasePath)!);
        // Held to the end, so that a site cannot start on the store, nor a backup read it, half-way through.
        using var siteLock = StoreLock.TryTake(files.SiteLockPath);
        if (siteLock is null)
        {
            return new RestoreResult(RestoreOutcome.InUse,
                $"A site is running on {files.DatabasePath} (it holds {files.SiteLockPath}). Stop it, then restore; nothing was changed.");
        }

        using var backupLock = StoreLock.TryTake(files.BackupLockPath);
        if (backupLock is null)
        {
            return new RestoreResult(RestoreOutcome.InUse,
                $"A backup of {files.DatabasePath} is running (it holds {files.BackupLockPath}); restore when it ends. Nothing was changed.");
        }

        var stamp = BackupName.Stamp(clock.GetUtcNow());
        var work = $"restore-{stamp}-{Guid.NewGuid():N}";
        // Each staged copy sits beside its destination, so that moving it into place is a rename on one disk.
        var stagedDatabase = Path.Combine(Path.GetDirectoryName(files.DatabasePath)!, $".{work}.db");
        var mediaParent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(files.MediaFolder))!;
        var stagedMedia = Path.Combine(mediaParent, $".{work}.media");
        try
        {
            Directory.CreateDirectory(stagedMedia);
            BackupManifest manifest;
            try
            {
                manifest = await BackupArchive.ReadAsync(archive, part => Create(part.Path == BackupManifest.DatabasePart
                    ? stagedDatabase
                    : BackupArchive.MediaFile(stagedMedia, part.Path)), ct);
            }
            catch (BackupException ex)
            {
                return Refused(name, ex.Message);
            }

            if (await DatabaseProblemAsync(stagedDatabase, manifest, ct) is { } problem)
            {
                return Refused(name, problem);
            }

            return Swap(stagedDatabase, stagedMedia, stamp, manifest, name);
        }
        finally
        {
            foreach (var suffix in DatabaseCompanions)
            {
                File.Delete(stagedDatabase + suffix);
            }

            if (Directory.Exists(stagedMedia))
            {
                Directory.Delete(stagedMedia, recursive: true);
            }
        }
    }

    private static RestoreResult Refused(string name, string why) =>
        new(RestoreOutcome.Refused, $"{name} was not restored: {why}. Nothing was changed.");

    private static FileStream Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
    }

    private async Task<string?> DatabaseProblemAsync(string database, BackupManifest manifest, CancellationToken ct)
    {
        StoreFacts facts;
        try
        {
            facts = await StoreSnapshot.ReadFactsAsync(database, ct);
        }
        catch (SqliteException ex)
        {
            return $"its database cannot be read by SQLite ({ex.Message})";
        }

        if (facts.IntegrityProblems.Count > 0)
        {
            return $"its database fails SQLite's integrity check ({facts.IntegrityProblems[0]})";
        }

        if (!string.Equals(facts.SchemaVersion, manifest.SchemaVersion, StringComparison.Ordinal))
        {
            return $"its database's last migration is {facts.SchemaVersion ?? "none"}, and its manifest says {manifest.SchemaVersion}";
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            // The migrations this version has; listing them reads the assembly, not the store.
            var known = scope.ServiceProvider.GetRequiredService<BlogDbContext>().Database.GetMigrations();
            if (!known.Contains(manifest.SchemaVersion, StringComparer.Ordinal))
            {
                return $"it was made by a newer BlogSite (its schema is at migration {manifest.SchemaVersion}, which this version does not know); "
                    + "upgrade, then restore";
            }
        }

        var differing = manifest.Tables.Where(t => !facts.Tables.TryGetValue(t.Key, out var rows) || rows != t.Value)
            .Select(t => t.Key).Concat(facts.Tables.Keys.Where(t => !manifest.Tables.ContainsKey(t))).FirstOrDefault();
        return differing is null
            ? null
            : $"its database's rows in {differing} ({facts.Tables.GetValueOrDefault(differing)}) differ from its manifest's ({manifest.Tables.GetValueOrDefault(differing)})";
    }

    private RestoreResult Swap(string stagedDatabase, string stagedMedia, string stamp, BackupManifest manifest, string name)
    {
        var suffix = ".before-restore-" + stamp;
        var moved = new List<(string From, string To, bool IsFolder)>();
        try
        {
            foreach (var companion in DatabaseCompanions)
            {
                var current = files.DatabasePath + companion;
                if (File.Exists(current))
                {
                    File.Move(current, current + suffix);
                    moved.Add((current, current + suffix, false));
                }
            }

            var media = Path.TrimEndingDirectorySeparator(files.MediaFolder);
            if (Directory.Exists(media))
            {
                Directory.Move(media, media + suffix);
                moved.Add((media, media + suffix, true));
            }

            File.Move(stagedDatabase, files.DatabasePath);
            moved.Add((stagedDatabase, files.DatabasePath, false));
            Directory.Move(stagedMedia, media);
            moved.Add((stagedMedia, media, true));
            FolderSync.Flush(Path.GetDirectoryName(files.DatabasePath)!);
            FolderSync.Flush(Path.GetDirectoryName(media)!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RestoreResult(RestoreOutcome.Failed, $"Restoring {name} failed while moving files into place ({ex.Message}). " + Undo(moved));
        }

        var kept = moved.Where(m => m.To.EndsWith(suffix, StringComparison.Ordinal)).Select(m => m.To).ToList();
        return new RestoreResult(RestoreOutcome.Restored,
            $"Restored {name} (made {manifest.CreatedAt:u} by BlogSite {manifest.AppVersion}, schema {manifest.SchemaVersion}: "
            + $"{manifest.Tables.Values.Sum()} rows, {manifest.Parts.Count - 1} media files) into {files.DatabasePath} and {files.MediaFolder}. "
            + (kept.Count == 0 ? "There was no store before it. " : $"The previous store is kept as {string.Join(", ", kept)}. ")
            + "Start the site: it applies the migrations the archive lacks, if any.");
    }

    /// <summary>Moves back what was moved, newest first; says where things are when that fails too.</summary>
    private static string Undo(List<(string From, string To, bool IsFolder)> moved)
    {
        for (var i = moved.Count - 1; i >= 0; i--)
        {
            var (from, to, isFolder) = moved[i];
            try
            {
                if (isFolder)
                {
                    Directory.Move(to, from);
                }
                else
                {
                    File.Move(to, from);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return $"Putting the previous store back failed as well ({ex.Message}): move {to} back to {from} by hand"
                    + string.Concat(moved.Take(i).Select(m => $", and {m.To} to {m.From}")) + ".";
            }
        }

        return "The previous store was put back as it was.";
    }
}
