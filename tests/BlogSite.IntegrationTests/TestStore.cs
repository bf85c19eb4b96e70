using System.Security.Cryptography;
using System.Text;
using BlogSite.Data;
using Npgsql;

namespace BlogSite.IntegrationTests;

/// <summary>
/// The store the app runs on in these tests: a SQLite file per factory (the default), or with
/// BLOGSITE_TEST_PROVIDER=Postgres a database per factory on the server BLOGSITE_TEST_POSTGRES names (an admin
/// connection string; `tests/postgres.sh start` prints one). The same tests run on both; those about the SQLite
/// file itself carry <c>[Trait(TestStore.Trait, TestStore.SqliteFile)]</c>, and the Postgres pass leaves them out
/// with <c>--filter "Store!=SqliteFile"</c>.
/// </summary>
public static class TestStore
{
    public const string ProviderVariable = "BLOGSITE_TEST_PROVIDER";
    public const string PostgresVariable = "BLOGSITE_TEST_POSTGRES";

    public const string Trait = "Store";

    /// <summary>The trait value of a test about the SQLite file: its pragmas, backups, restore, a full disk, a kill -9.</summary>
    public const string SqliteFile = "SqliteFile";

    public static DatabaseProvider Provider { get; } = Environment.GetEnvironmentVariable(ProviderVariable) switch
    {
        null or "" or "Sqlite" => DatabaseProvider.Sqlite,
        "Postgres" => DatabaseProvider.Postgres,
        var other => throw new InvalidOperationException($"{ProviderVariable} is '{other}'; it must be Sqlite or Postgres."),
    };

    /// <summary>
    /// The trait value of a test that needs a PostgreSQL server whatever the pass: several instances on one store, which
    /// only PostgreSQL allows (SQLite serves one instance per file), and a copy of a SQLite store into PostgreSQL. The
    /// SQLite pass leaves them out with <c>--filter "Store!=NeedsPostgres"</c>; the PostgreSQL pass runs them.
    /// </summary>
    public const string NeedsPostgres = "NeedsPostgres";

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;

    // Never a skip: a Postgres pass without a server fails, so that a missing server cannot pass as green.
    private static string Admin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } connection
        ? connection
        : throw new InvalidOperationException(
            $"{ProviderVariable}=Postgres, and the tests marked {Trait}={NeedsPostgres}, need {PostgresVariable}, an admin connection string to a running server: eval \"$(tests/postgres.sh start)\".");

    /// <summary>A fresh database, blogsite_it_ and a new id, for one factory; <see cref="Drop"/> it after.</summary>
    public static string CreateDatabase() => CreateDatabase("blogsite_it_" + Guid.NewGuid().ToString("N"));

    /// <summary>The database that belongs to <paramref name="folder"/>, created the first time, so that the factories of one folder share it.</summary>
    public static string DatabaseFor(string folder) =>
        CreateDatabase("blogsite_it_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..32]);

    /// <summary>Drops the database <paramref name="connectionString"/> names, closing what is still connected to it.</summary>
    public static void Drop(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        Execute($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    private static string CreateDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(Admin))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"""CREATE DATABASE "{name}" """, connection);
                create.ExecuteNonQuery();
            }
        }

        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
