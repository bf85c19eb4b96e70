using Microsoft.Data.Sqlite;

namespace BlogSite.Backups;

/// <summary>What a database file holds, as a backup records it and a restore checks it.</summary>
/// <param name="IntegrityProblems">What PRAGMA integrity_check found; empty when it said ok.</param>
/// <param name="SchemaVersion">The last applied EF Core migration, or null when none was.</param>
/// <param name="Tables">Rows per table, by table name.</param>
public sealed record StoreFacts(IReadOnlyList<string> IntegrityProblems, string? SchemaVersion, IReadOnlyDictionary<string, long> Tables);

/// <summary>SQLite work on whole files: the online copy and the checks of a copy.</summary>
public static class StoreSnapshot
{
    /// <summary>
    /// A consistent copy of the live database at <paramref name="database"/>, made while the site keeps writing: VACUUM INTO
    /// reads one snapshot (in WAL mode writers are not blocked), and writes a compacted file with no -wal of its own.
    /// </summary>
    public static async Task VacuumIntoAsync(string database, string target, CancellationToken ct)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs the integrity check and reads the schema version and the rows per table of the file at <paramref name="database"/>.</summary>
    public static async Task<StoreFacts> ReadFactsAsync(string database, CancellationToken ct)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(ct);
        var problems = (await ColumnAsync<string>(connection, "PRAGMA integrity_check", ct)).Where(row => row != "ok").ToList();
        if (problems.Count > 0)
        {
            return new StoreFacts(problems, null, new Dictionary<string, long>());
        }

        var tables = await ColumnAsync<string>(connection,
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", ct);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = (await ColumnAsync<long>(connection, $"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct))[0];
        }

        var schema = counts.ContainsKey("__EFMigrationsHistory")
            ? (await ColumnAsync<string>(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId DESC LIMIT 1", ct)).FirstOrDefault()
            : null;
        return new StoreFacts([], schema, counts);
    }

    // Unpooled, so the file is closed (and any -wal it made removed) when the connection is; never created when missing.
    private static SqliteConnection Open(string database) => new(new SqliteConnectionStringBuilder
    {
        DataSource = database,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    private static async Task<List<T>> ColumnAsync<T>(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
