using System.Globalization;
using BlogSite.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BlogSite.Data;

/// <summary>
/// `copy-database --to-provider Postgres --to CONNECTION`: the whole store into an empty PostgreSQL database by
/// <see cref="DatabaseCopier"/>, for a blog that moves from SQLite to PostgreSQL. Program.cs runs it once the source is
/// migrated, before the site starts; the site must not be running on the source. Exit codes: 0 copied (the counts on
/// standard output); 1 failed, nothing kept in the target (the reason on standard error); 2 refused or not understood,
/// nothing written (a target that is not empty or is the source, or the usage); 3 a site is running on the source;
/// 4 the counts differed, the copy was rolled back.
/// </summary>
public static class CopyDatabaseCli
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int Refused = 2;
    public const int InUse = 3;
    public const int CountsDiffer = 4;

    public const string Usage = """
        Usage: copy-database --to-provider Postgres --to "Host=…;Database=…;Username=…"
               Copies every row of the store the site is configured with (Database:Provider, ConnectionStrings:Blog) into
               an empty PostgreSQL database, after making its schema. Stop the site first. Leave the password out of the
               connection string and set PGPASSWORD (or a ~/.pgpass file), so that it is not on the command line.
        """;

    public static Task<int?> TryRunAsync(string[] args, IServiceProvider services) => TryRunAsync(args, services, CliConsole.Terminal);

    public static async Task<int?> TryRunAsync(string[] args, IServiceProvider services, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Length == 0 || args[0] != "copy-database")
        {
            return null;
        }

        var (provider, to) = args switch
        {
            [_, "--to-provider", var p, "--to", var t] => (p, t),
            [_, "--to", var t, "--to-provider", var p] => (p, t),
            _ => (null, null),
        };
        if (provider is null || to is null || string.IsNullOrWhiteSpace(to))
        {
            return await WriteAsync(console.Error, Usage, Refused);
        }

        if (!Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var target) || !Enum.IsDefined(target))
        {
            return await WriteAsync(console.Error, $"--to-provider is '{provider}'; it must be Postgres.\n{Usage}", Refused);
        }

        if (target != DatabaseProvider.Postgres)
        {
            return await WriteAsync(console.Error,
                "copy-database copies into PostgreSQL only; a PostgreSQL blog goes back to SQLite by `export` and `import blogsite`.", Refused);
        }

        NpgsqlConnectionStringBuilder connection;
        try
        {
            connection = new NpgsqlConnectionStringBuilder(to);
        }
        catch (ArgumentException ex)
        {
            // The message names the keyword at fault, never the value, so a password does not reach the terminal.
            return await WriteAsync(console.Error, $"--to is not a PostgreSQL connection string: {ex.Message}\n{Usage}", Refused);
        }

        if (string.IsNullOrWhiteSpace(connection.Host) || string.IsNullOrWhiteSpace(connection.Database))
        {
            return await WriteAsync(console.Error, "--to must name the server and the database: Host=…;Database=…", Refused);
        }

        await using var scope = services.CreateAsyncScope();
        var copier = scope.ServiceProvider.GetRequiredService<DatabaseCopier>();
        await console.Out.WriteLineAsync($"Copying {Describe(scope.ServiceProvider)} to PostgreSQL {DatabaseCopier.Describe(connection)}");
        CopyResult result;
        try
        {
            result = await copier.CopyToPostgresAsync(connection.ConnectionString, console.Out, CancellationToken.None);
        }
        catch (Exception ex) when (ex is DatabaseCopyException or NpgsqlException or SqliteException)
        {
            return await WriteAsync(console.Error,
                $"The copy to {DatabaseCopier.Describe(connection)} failed {ex.Message}. The target holds no row of it; fix the cause and run it again.", Failed);
        }

        if (result.Counts.Count > 0)
        {
            await WriteCountsAsync(console.Out, result.Counts);
        }

        return result.Outcome switch
        {
            CopyOutcome.Copied => await WriteAsync(console.Out, result.Message
                + "\nNext: set Database:Provider=Postgres and ConnectionStrings:Blog to the target, give every instance the media folder (Media:Path), start the site.", Done),
            CopyOutcome.SourceInUse => await WriteAsync(console.Error, result.Message, InUse),
            CopyOutcome.CountsDiffer => await WriteAsync(console.Error, result.Message, CountsDiffer),
            _ => await WriteAsync(console.Error, result.Message, Refused),
        };
    }

    /// <summary>The source as the messages name it: the SQLite file, or the PostgreSQL database without its password.</summary>
    private static string Describe(IServiceProvider services)
    {
        var store = services.GetRequiredService<BlogStore>();
        var connectionString = services.GetRequiredService<BlogDbContext>().Database.GetConnectionString();
        return store.IsSqlite
            ? $"the SQLite store {new SqliteConnectionStringBuilder(connectionString).DataSource}"
            : $"the PostgreSQL store {DatabaseCopier.Describe(new NpgsqlConnectionStringBuilder(connectionString))}";
    }

    private static async Task WriteCountsAsync(TextWriter output, IReadOnlyList<TableCount> counts)
    {
        var width = counts.Max(c => c.Table.Length + (c.Derived ? 1 : 0));
        await output.WriteLineAsync($"{"TABLE".PadRight(width)}  {"SOURCE",12}  {"TARGET",12}");
        foreach (var count in counts)
        {
            var name = count.Table + (count.Derived ? "*" : "");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{name.PadRight(width)}  {count.Source,12:N0}  {count.Target,12:N0}{(count.Matches ? "" : "  DIFFERS")}"));
        }

        await output.WriteLineAsync("* not copied: made in the target from the copied rows");
    }

    private static async Task<int> WriteAsync(TextWriter writer, string message, int code)
    {
        await writer.WriteLineAsync(message);
        return code;
    }
}
