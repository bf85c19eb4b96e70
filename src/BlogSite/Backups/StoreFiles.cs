using BlogSite.Data;
using BlogSite.Media;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BlogSite.Backups;

/// <summary>Where the store lives on disk: the SQLite database, the media folder, the scheduled backups, and the locks beside the database.</summary>
public sealed record StoreFiles(string DatabasePath, string MediaFolder, string BackupFolder)
{
    /// <summary>Held by the running site for its lifetime (see <see cref="SiteLock"/>).</summary>
    public string SiteLockPath => DatabasePath + ".site.lock";

    /// <summary>Held by a backup or a restore of this store, whichever process runs it.</summary>
    public string BackupLockPath => DatabasePath + ".backup.lock";

    /// <summary>The paths the app itself uses: the DbContext's connection string and the image store's folder.</summary>
    public static StoreFiles From(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<BlogDbContext>().Database.GetConnectionString();
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw new InvalidOperationException("Backups need the store in a SQLite file, and ConnectionStrings:Blog names none.");
        }

        var database = System.IO.Path.GetFullPath(builder.DataSource);
        var options = services.GetRequiredService<IOptions<BackupOptions>>().Value;
        var backups = string.IsNullOrWhiteSpace(options.Path)
            ? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(database)!, "backups")
            : System.IO.Path.GetFullPath(options.Path, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        return new StoreFiles(database, services.GetRequiredService<ImageStore>().Folder, backups);
    }
}
