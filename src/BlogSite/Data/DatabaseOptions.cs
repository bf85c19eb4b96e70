using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BlogSite.Data;

public enum DatabaseProvider
{
    /// <summary>One file beside the app: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for a blog that has outgrown one machine.</summary>
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The store the configuration names, checked now: which DbContext to register depends on it, so it cannot wait
    /// for ValidateOnStart, and the CLI commands run before the host starts. A bad value stops the app naming the key.
    /// </summary>
    public static BlogStore ReadStore(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        DatabaseOptions options;
        try
        {
            options = configuration.GetSection(SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw Invalid($"{SectionName}:Provider is '{configuration[$"{SectionName}:Provider"]}'; it must be Sqlite or Postgres ({ex.Message})");
        }

        if (new DataAnnotationValidateOptions<DatabaseOptions>(null).Validate(null, options) is { Failed: true } result)
        {
            throw Invalid(result.FailureMessage);
        }

        var connectionString = configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName);
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw Invalid($"{SectionName}:Provider is Postgres but ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName} is empty; "
                + "set it to the server's connection string (Host=…;Database=…;Username=…;Password=…)");
        }

        return new BlogStore(options.Provider, connectionString);
    }

    private static OptionsValidationException Invalid(string message) =>
        new(SectionName, typeof(DatabaseOptions), [message]);
}

/// <summary>
/// Which store the app runs on, as configured: what the SQLite-only machinery (pragmas, compaction, backups of the
/// file, the disk-full probe) asks before it runs.
/// </summary>
/// <param name="Provider">Database:Provider.</param>
/// <param name="ConnectionString">ConnectionStrings:Blog as configured; null for SQLite's default file.</param>
public sealed record BlogStore(DatabaseProvider Provider, string? ConnectionString)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;
}
