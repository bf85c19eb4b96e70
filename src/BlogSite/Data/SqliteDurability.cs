using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlogSite.Data;

/// <summary>
/// Sets how hard SQLite syncs on every connection, since the setting belongs to the connection, not the file.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    // FULL, not NORMAL: in WAL mode NORMAL never corrupts the file, but on a power cut it can lose the last
    // commits that readers were already told had succeeded (a comment that said "posted"). A blog writes
    // little (comments, hearts, views in batches every few seconds), so one more fsync per commit costs
    // nothing a reader notices. A kill -9 loses no acknowledged write under either setting: the OS still
    // holds the written pages.
    public const string Pragma = "PRAGMA synchronous = FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
