using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BlogSite.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Blog";

    /// <summary>The name of the start-up migrations as <see cref="SiteWork"/> keeps them to one instance at a time.</summary>
    internal const string MigrationsWork = "the migrations";

    public static IServiceCollection AddBlogData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var store = DatabaseOptions.ReadStore(configuration);
        services.AddSingleton(store);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StoreWritability>();
        if (store.IsSqlite)
        {
            var connectionString = SqliteConnectionString(store.ConnectionString, environment.ContentRootPath);
            // How a full disk shows is SQLite's (SQLITE_FULL); PostgreSQL's server holds the disk and its own alarms.
            services.AddSingleton<IInterceptor, StoreWritabilityInterceptor>();
            services.AddSingleton<IInterceptor, SqliteConnectionSettings>();
            // Every interceptor in the container applies, so a host (or a test) adds one by registering it.
            services.AddDbContextPool<BlogDbContext>((provider, options) => Common(options.UseSqlite(connectionString), provider));
            services.AddScoped<IFullTextIndex, SqliteFullTextIndex>();
        }
        else
        {
            services.AddDbContextPool<BlogDbContext, PostgresBlogDbContext>((provider, options) =>
                Common(UsePostgres(options, store.ConnectionString!), provider));
            services.AddScoped<IFullTextIndex, PostgresFullTextIndex>();
            // Other instances may share this database: changes travel between them by LISTEN/NOTIFY.
            services.AddSingleton<Postgres.PostgresChangeSender>();
            services.AddSingleton<IBlogChangeListener>(provider => provider.GetRequiredService<Postgres.PostgresChangeSender>());
            services.AddHostedService(provider => provider.GetRequiredService<Postgres.PostgresChangeSender>());
            services.AddSingleton<Postgres.PostgresChangeListener>();
            services.AddHostedService(provider => provider.GetRequiredService<Postgres.PostgresChangeListener>());
        }

        services.AddSingleton<BlogChanges>();
        services.AddSingleton(BlogInstance.New());
        services.AddSingleton<SiteWork>();
        // The SQLite file's lock (Backups.StoreFiles) is registered later, by AddBackups, and only on SQLite.
        services.AddScoped(provider => new DatabaseCopier(provider.GetRequiredService<BlogDbContext>(), store, provider.GetService<Backups.StoreFiles>()));

        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Npgsql as the app, `dotnet ef` and the migrations test configure it.</summary>
    internal static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder options, IServiceProvider provider) => options
        .AddInterceptors(provider.GetServices<IInterceptor>())
        .ConfigureWarnings(warnings => warnings
            // Comments, hearts and redirects of an article in the bin are meant to vanish with it.
            .Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)
            // A Take without an order is how a count stops past the last page a list offers, and how a read is
            // bounded before it is sorted in memory: the bound is the point, which rows does not matter there.
            .Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning));

    /// <summary>Applies pending migrations and, on SQLite, checks that it runs in WAL mode, before the first request.</summary>
    public static async Task InitialiseBlogDataAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BlogDbContext>();
        var isSqlite = scope.ServiceProvider.GetRequiredService<BlogStore>().IsSqlite;
        // Migrate also compares the model with the last migration's snapshot, ~0.4 s of start-up; a
        // restart with nothing to apply skips it (a test keeps model and migrations in step).
        // Instances starting together migrate one after the other: EF's own migration lock comes after it has made
        // its history table, which two instances on an empty PostgreSQL database would both try to make.
        await scope.ServiceProvider.GetRequiredService<SiteWork>().RunAloneAsync(MigrationsWork, async c =>
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(c)).ToList();
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(c);
                if (isSqlite && pending.Any(id => id.EndsWith("_" + nameof(Migrations.ArticleBodies), StringComparison.Ordinal)))
                {
                    await CompactAsync(db, scope.ServiceProvider.GetRequiredService<ILogger<BlogDbContext>>(), c);
                }
            }
        }, ct);

        if (isSqlite)
        {
            await RequireWalAsync(db, ct);
        }
    }

    // WAL lets readers go on while a writer commits; the mode is stored in the file, so setting it once sticks.
    private static async Task RequireWalAsync(BlogDbContext db, CancellationToken ct)
    {
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
