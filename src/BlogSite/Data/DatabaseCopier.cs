using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BlogSite.Backups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BlogSite.Data;

public enum CopyOutcome
{
    Copied,

    /// <summary>The target holds rows, is the source itself, or was made by a newer BlogSite; nothing was written.</summary>
    Refused,

    /// <summary>A site runs on the source; nothing was written.</summary>
    SourceInUse,

    /// <summary>The copy's counts did not match the source's; it was rolled back, the target holds no row.</summary>
    CountsDiffer,
}

/// <summary>The rows of one table in the source and, once copied, in the target.</summary>
/// <param name="Table">The table's name, the same in both stores.</param>
/// <param name="Source">Its rows in the source's snapshot.</param>
/// <param name="Target">Its rows in the target's copy before it commits.</param>
/// <param name="Derived">Not copied: made in the target from the copied rows (the archive's months, the search index).</param>
public sealed record TableCount(string Table, long Source, long Target, bool Derived)
{
    public bool Matches => Source == Target;
}

public sealed record CopyResult(CopyOutcome Outcome, string Message, IReadOnlyList<TableCount> Counts);

/// <summary>
/// Copies the store the site runs on (whatever Database:Provider says) into an empty PostgreSQL database: the target
/// is made by its own migrations, then every table of the EF model is copied in the order of its foreign keys, ids as
/// they are, by binary COPY streamed from a reader (memory stays flat however large the store). The archive's months
/// and the search index are not copied but made in the target from the copied rows: the first by its trigger as the
/// articles arrive, the second once at the end (<see cref="PostgresFullTextIndex.FillInBulkAsync"/>). The whole copy is one
/// transaction that also sets each identity sequence past the copied ids and compares every table's count with the
/// source's (read in one snapshot of it); it commits only when all match, so a failure leaves the target without a row.
/// </summary>
public sealed class DatabaseCopier(BlogDbContext source, BlogStore store, StoreFiles? files)
{
    /// <summary>Tables outside the EF model that migrations made and triggers keep; counted on both sides, never copied.</summary>
    public static readonly IReadOnlyList<string> DerivedTables = [ArchiveIndex.Table, SqliteFullTextIndex.Table];

    /// <summary>The model's tables, each after every table it references (a table's references to itself aside).</summary>
    public static IReadOnlyList<ITable> TablesInCopyOrder(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var pending = model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable == t || ordered.Contains(fk.PrincipalTable)))
                ?? throw new InvalidOperationException("The model's foreign keys go round in a circle: " + string.Join(", ", pending.Select(t => t.Name)));
            ordered.Add(ready);
            pending.Remove(ready);
        }

        return ordered;
    }

    /// <summary>"host:port/database as user": how the target is named in messages, without its password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return $"{target.Host}:{target.Port}/{target.Database} as {target.Username ?? Environment.UserName}";
    }

    public async Task<CopyResult> CopyToPostgresAsync(string targetConnectionString, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var target = new NpgsqlConnectionStringBuilder(targetConnectionString)
        {
            // A table of a million rows is one COPY, and the triggers' work comes at its end: no timeout fits it.
            CommandTimeout = 0,
            Pooling = false,
            ApplicationName = "BlogSite copy-database",
        };
        var watch = Stopwatch.StartNew();

        // Held to the end, so that no site starts on the source half-way through and writes what the copy misses.
        using var sourceLock = files is null ? null : StoreLock.TryTake(files.SiteLockPath);
        if (files is not null && (sourceLock is null || StoreLock.LockingDisabled))
        {
            return Refusal(CopyOutcome.SourceInUse, StoreLock.LockingDisabled
                ? "File locking is off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING), so a running site could not be told from none; unset it to copy."
                : $"A site is running on {files.DatabasePath} (it holds {files.SiteLockPath}). Stop it, then copy; nothing was written.");
        }

        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        var sourceConnection = source.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync(ct);
        try
        {
            if (!store.IsSqlite && await SourceProblemAsync((NpgsqlConnection)sourceConnection, connection, ct) is { } sourceProblem)
            {
                return sourceProblem;
            }

            var tables = TablesInCopyOrder(source.Model);
            await using var targetContext = new PostgresBlogDbContext(PostgresBlogDbContextFactory.Options(target.ConnectionString));
            if (await TargetProblemAsync(connection, tables, targetContext.Database.GetMigrations(), ct) is { } targetProblem)
            {
                return Refusal(CopyOutcome.Refused, $"{Describe(target)} {targetProblem}; nothing was written. Copy into a new, empty database.");
            }

            var pending = (await targetContext.Database.GetPendingMigrationsAsync(ct)).Count();
            // Under the lock a site starting on the target would take for its own migrations.
            await new SiteWork(new BlogStore(DatabaseProvider.Postgres, target.ConnectionString), NullLogger<SiteWork>.Instance)
                .RunAloneAsync(DataServiceCollectionExtensions.MigrationsWork, targetContext.Database.MigrateAsync, ct);
            await progress.WriteLineAsync($"Made the target's schema by its migrations ({Domain.Plural.Count(pending, "migration", "migrations")} applied).");

            await using var snapshot = await sourceConnection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var sourceCounts = await CountsAsync(sourceConnection, snapshot, tables, ct);

            await using var transaction = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, $"LOCK TABLE {string.Join(", ", tables.Select(t => Quote(t.Name)))} IN EXCLUSIVE MODE", ct);
            // Checked again under the lock: a site that started on the target since the first look has written by now.
            if (await FirstRowsAsync(connection, tables.Select(t => t.Name).Concat(DerivedTables), ct) is { Count: > 0 } written)
            {
                return Refusal(CopyOutcome.Refused, $"{Describe(target)} holds rows in {string.Join(", ", written)}; nothing was written.");
            }

            await CopyRowsAsync(sourceConnection, snapshot, tables, targetContext.Model.GetRelationalModel(), connection, progress, ct);
            await SetSequencesAsync(connection, tables, ct);
            var targetCounts = await CountsAsync(connection, transaction, tables, ct);
            var counts = sourceCounts.Select(c => c with { Target = targetCounts.Single(t => t.Table == c.Table).Source }).ToList();
            if (counts.Any(c => !c.Matches))
            {
                await transaction.RollbackAsync(ct);
                return new CopyResult(CopyOutcome.CountsDiffer,
                    $"The copy's counts differ from the source's in {string.Join(", ", counts.Where(c => !c.Matches).Select(c => c.Table))}; it was rolled back and {Describe(target)} holds no row.",
                    counts);
            }

            await transaction.CommitAsync(ct);
            return new CopyResult(CopyOutcome.Copied, string.Create(CultureInfo.InvariantCulture,
                $"Copied {Domain.Plural.Count(counts.Where(c => !c.Derived).Sum(c => c.Source), "row", "rows")} to {Describe(target)} in {watch.Elapsed.TotalSeconds:F1} s; identity sequences are set past the copied ids."),
                counts);
        }
        finally
        {
            await source.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Every table's rows, then the search index from them, each line of progress with its time.</summary>
    private static async Task CopyRowsAsync(DbConnection sourceConnection, DbTransaction snapshot, IReadOnlyList<ITable> tables,
        IRelationalModel targetModel, NpgsqlConnection target, TextWriter progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await PostgresFullTextIndex.FillInBulkAsync(target, async () =>
        {
            foreach (var table in tables)
            {
                var started = watch.Elapsed;
                var rows = await CopyTableAsync(sourceConnection, snapshot, table, targetModel.FindTable(table.Name, table.Schema)
                    ?? throw new InvalidOperationException($"{table.Name} has no table on PostgreSQL"), target, ct);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {table.Name}: {Domain.Plural.Count((long)rows, "row", "rows")} in {(watch.Elapsed - started).TotalSeconds:F1} s"));
            }

            watch.Restart();
        }, ct);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {SqliteFullTextIndex.Table}: the search index built in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    private static CopyResult Refusal(CopyOutcome outcome, string message) => new(outcome, message, []);

    /// <summary>When the source is PostgreSQL: refused if it is the target, or an instance of the site is connected to it.</summary>
    private static async Task<CopyResult?> SourceProblemAsync(NpgsqlConnection sourceConnection, NpgsqlConnection target, CancellationToken ct)
    {
        // The same database of the same running server, however the two connection strings spell its address.
        const string Identity = "SELECT current_database() || ' ' || current_setting('port') || ' ' || pg_postmaster_start_time()::text";
        var (sourceIdentity, targetIdentity) = (await ScalarAsync(sourceConnection, Identity, ct), await ScalarAsync(target, Identity, ct));
        if (sourceIdentity is string same && same.Equals(targetIdentity))
        {
            return Refusal(CopyOutcome.Refused, "The target is the store the site runs on (ConnectionStrings:Blog); nothing was written. Name another database.");
        }

        await using var listeners = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", sourceConnection)
        {
            Parameters = { new() { Value = Postgres.PostgresChangeListener.ApplicationName } },
        };
        return (long)(await listeners.ExecuteScalarAsync(ct))! > 0
            ? Refusal(CopyOutcome.SourceInUse, "An instance of the site is running on the source (it listens for changes there). Stop every instance, then copy; nothing was written.")
            : null;
    }

    /// <summary>Why the target may not be copied into, or null: a row in any of the blog's tables, or migrations this version does not know.</summary>
    private static async Task<string?> TargetProblemAsync(NpgsqlConnection target, IReadOnlyList<ITable> tables, IEnumerable<string> migrations,
        CancellationToken ct)
    {
        if (await FirstRowsAsync(target, tables.Select(t => t.Name).Concat(DerivedTables), ct) is { Count: > 0 } written)
        {
            return $"is not empty: it holds rows in {string.Join(", ", written)}";
        }

        if ((await ExistingAsync(target, ["__EFMigrationsHistory"], ct)).Count == 0)
        {
            return null;
        }

        var known = migrations.ToHashSet(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """, target);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (!known.Contains(reader.GetString(0)))
            {
                return $"was made by a newer BlogSite (its schema has migration {reader.GetString(0)}, which this version does not know)";
            }
        }

        return null;
    }

    /// <summary>Those of <paramref name="tables"/> that exist in the target and hold at least one row.</summary>
    private static async Task<List<string>> FirstRowsAsync(NpgsqlConnection target, IEnumerable<string> tables, CancellationToken ct)
    {
        var written = new List<string>();
        foreach (var table in await ExistingAsync(target, tables, ct))
        {
            if (await ScalarAsync(target, $"SELECT EXISTS (SELECT 1 FROM {Quote(table)})", ct) is true)
            {
                written.Add(table);
            }
        }

        return written;
    }

    private static async Task<List<string>> ExistingAsync(NpgsqlConnection target, IEnumerable<string> tables, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname = ANY($1)
            ORDER BY c.relname
            """, target)
        {
            Parameters = { new() { Value = tables.ToArray() } },
        };
        var existing = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            existing.Add(reader.GetString(0));
        }

        return existing;
    }

    /// <summary>The rows of every table, copied and derived, as <paramref name="connection"/>'s transaction sees them (in <see cref="TableCount.Source"/>).</summary>
    private static async Task<List<TableCount>> CountsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ITable> tables, CancellationToken ct)
    {
        var counts = new List<TableCount>();
        foreach (var (table, derived) in tables.Select(t => (t.Name, false)).Concat(DerivedTables.Select(t => (t, true))))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = 0;
            command.CommandText = $"SELECT count(*) FROM {Quote(table)}";
            counts.Add(new TableCount(table, Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture), 0, derived));
        }

        return counts;
    }

    /// <summary>Streams one table's rows, in key order, into one binary COPY; its foreign keys are checked at the end of it.</summary>
    private static async Task<ulong> CopyTableAsync(DbConnection sourceConnection, DbTransaction snapshot, ITable table, ITable targetTable,
        NpgsqlConnection target, CancellationToken ct)
    {
        var columns = table.Columns.Select(c => new ColumnCopy(c, targetTable.FindColumn(c.Name)
            ?? throw new InvalidOperationException($"{table.Name}.{c.Name} has no column on PostgreSQL"))).ToList();
        var key = table.PrimaryKey?.Columns.Select(c => Quote(c.Name)) ?? columns.Select(c => Quote(c.Name));
        await using var read = sourceConnection.CreateCommand();
        read.Transaction = snapshot;
        read.CommandTimeout = 0;
        read.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", key)}";
        await using var reader = await read.ExecuteReaderAsync(ct);
        await using var importer = await target.BeginBinaryImportAsync(
            $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        var rows = 0L;
        try
        {
            while (await reader.ReadAsync(ct))
            {
                rows++;
                await importer.StartRowAsync(ct);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (await reader.IsDBNullAsync(i, ct))
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await importer.WriteAsync(columns[i].Convert(reader, i), columns[i].TargetType, ct);
                    }
                }
            }

            return await importer.CompleteAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidCastException or FormatException or ArgumentException)
        {
            // A row is named by its place in key order: what PostgreSQL refuses (a NUL in a text, a broken reference) is
            // found there; the COPY's own checks run at its end, so those point at the table, not a row.
            throw new DatabaseCopyException(string.Create(CultureInfo.InvariantCulture,
                $"copying {table.Name} (row {rows:N0} in key order, {string.Join(", ", key)}): {ex.Message}"), ex);
        }
    }

    /// <summary>Each identity (or serial) column's sequence set to follow the largest copied id, so the next insert gets a free one.</summary>
    private static async Task SetSequencesAsync(NpgsqlConnection target, IReadOnlyList<ITable> tables, CancellationToken ct)
    {
        var sequenced = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ANY($1)
              AND pg_get_serial_sequence(format('%I', table_name), column_name) IS NOT NULL
            ORDER BY table_name, column_name
            """, target) { Parameters = { new() { Value = tables.Select(t => t.Name).ToArray() } } })
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                sequenced.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in sequenced)
        {
            // is_called false: the next value is max + 1 itself, and an empty table starts at 1.
            await ExecuteAsync(target, $"""
                SELECT setval(pg_get_serial_sequence('{Quote(table).Replace("'", "''", StringComparison.Ordinal)}', '{column.Replace("'", "''", StringComparison.Ordinal)}'),
                              COALESCE(max({Quote(column)}), 0) + 1, false)
                FROM {Quote(table)}
                """, ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }

    // Both stores take double-quoted names, so one spelling serves the source's reads and the target's writes.
    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// One column's way across: read as its source provider stores it, turned into the model's value by the source's
    /// converter, then into the target's by the target's, and written as the target column's type.
    /// </summary>
    private sealed class ColumnCopy
    {
        private static readonly MethodInfo ReadMethod = typeof(ColumnCopy).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

        private readonly Func<DbDataReader, int, object> read;
        private readonly Func<object?, object?>? fromSource;
        private readonly Func<object?, object?>? toTarget;

        public ColumnCopy(IColumn sourceColumn, IColumn targetColumn)
        {
            var sourceMapping = sourceColumn.StoreTypeMapping;
            var targetMapping = targetColumn.StoreTypeMapping;
            Name = sourceColumn.Name;
            var stored = sourceMapping.Converter?.ProviderClrType ?? sourceMapping.ClrType;
            read = ReadMethod.MakeGenericMethod(stored).CreateDelegate<Func<DbDataReader, int, object>>();
            fromSource = sourceMapping.Converter?.ConvertFromProvider;
            toTarget = targetMapping.Converter?.ConvertToProvider;
            TargetType = targetMapping.StoreTypeNameBase;
        }

        public string Name { get; }

        /// <summary>The column's PostgreSQL type without its length ("character varying"), as binary COPY names it.</summary>
        public string TargetType { get; }

        public object Convert(DbDataReader reader, int ordinal)
        {
            var value = read(reader, ordinal);
            value = fromSource?.Invoke(value) ?? value;
            value = toTarget?.Invoke(value) ?? value;
            // PostgreSQL keeps an instant, not its offset, and Npgsql writes only offset 0: the same instant in UTC.
            return value is DateTimeOffset instant ? instant.ToUniversalTime() : value;
        }

        private static object Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
    }
}

/// <summary>A table could not be copied; the message names it and the row. The target's transaction is rolled back.</summary>
public sealed class DatabaseCopyException(string message, Exception inner) : Exception(message, inner);
