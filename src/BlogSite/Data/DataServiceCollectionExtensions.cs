using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlogSite.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Blog";

    public static IServiceCollection AddBlogData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = SqliteConnectionString(configuration.GetConnectionString(ConnectionStringName), environment.ContentRootPath);
        services.AddSingleton<StoreWritability>();
        services.AddSingleton<IInterceptor, StoreWritabilityInterceptor>();
        services.AddSingleton<IInterceptor, SqliteDurability>();
        // Every interceptor in the container applies, so a host (or a test) adds one by registering it.
        services.AddDbContextPool<BlogDbContext>((provider, options) => options.UseSqlite(connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>())
            // Comments, hearts and redirects of an article in the bin are meant to vanish with it.
            .ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)));
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Applies pending migrations and checks that SQLite runs in WAL mode, before the first request.</summary>
    public static async Task InitialiseBlogDataAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        // Migrate also compares the model with the last migration's snapshot, ~0.4 s of start-up; a
        // restart with nothing to apply skips it (a test keeps model and migrations in step).
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }

        // WAL lets readers go on while a writer commits; the mode is stored in the file, so setting it once sticks.
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = (string?)await command.ExecuteScalarAsync(ct);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL mode (journal_mode is '{mode}'); the database file must be on a local disk.");
        }
    }

    /// <summary>The configured connection string, or a file under App_Data; relative paths are resolved against the content root.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "Data Source=App_Data/blog.db");
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        // Writers wait for each other instead of failing with SQLITE_BUSY.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        builder.Pooling = true;
        return builder.ToString();
    }
}
