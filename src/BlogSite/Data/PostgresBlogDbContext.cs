using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BlogSite.Data;

/// <summary>
/// The same model on PostgreSQL. It exists so that each provider has its own migrations: EF Core takes the migrations
/// whose [DbContext] names the context's own type, so those in Migrations/ (SQLite's, which existing stores depend on)
/// and those in Migrations/Postgres are told apart without touching the first. Features use <see cref="BlogDbContext"/>.
/// </summary>
public sealed class PostgresBlogDbContext(DbContextOptions<PostgresBlogDbContext> options) : BlogDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite compares text byte by byte; the "C" collation does the same on PostgreSQL whatever the database's
        // locale, so orderings, ranges of slugs and uniqueness (a tag "Go" beside "go") behave alike on both.
        configurationBuilder.Properties<string>().UseCollation("C");
    }
}

/// <summary>For `dotnet ef migrations add --context PostgresBlogDbContext`: the model needs no server, only the provider.</summary>
public sealed class PostgresBlogDbContextFactory : IDesignTimeDbContextFactory<PostgresBlogDbContext>
{
    public PostgresBlogDbContext CreateDbContext(string[] args) => new(Options("Host=localhost;Database=blogsite"));

    /// <summary>The options the app uses on PostgreSQL, for <paramref name="connectionString"/>.</summary>
    public static DbContextOptions<PostgresBlogDbContext> Options(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresBlogDbContext>();
        DataServiceCollectionExtensions.UsePostgres(options, connectionString);
        return options.Options;
    }
}
