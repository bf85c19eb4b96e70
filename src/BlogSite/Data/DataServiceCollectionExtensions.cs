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
        services.AddSingleton<IInterceptor, SqliteConnectionSettings>();
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
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct);
            if (pending.Any(id => id.EndsWith("_" + nameof(Migrations.ArticleBodies), StringComparison.Ordinal)))
            {
                await CompactAsync(db, scope.ServiceProvider.GetRequiredService<ILogger<BlogDbContext>>(), ct);
            }
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

    /// <summary>
    /// Rewrites the store packed, once, after the migration that moved article bodies out of the Articles rows:
    /// dropping the columns leaves each article alone on a page it used to fill, so a list would read a page per
    /// article until the file is rebuilt. VACUUM cannot run in a migration's transaction; it is atomic by itself,
    /// so an interrupted one leaves the store as it was, only slower. It needs free space the size of the store.
    /// </summary>
    private static async Task CompactAsync(BlogDbContext db, ILogger logger, CancellationToken ct)
    {
        logger.LogInformation("Compacting the store after moving article bodies to their own table (once; about a minute per 100,000 articles)");
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.ExecuteSqlRawAsync("VACUUM;", ct);
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "Could not compact the store; the site works, lists read more pages until it is compacted (sqlite3 FILE 'VACUUM;' with the site stopped)");
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
