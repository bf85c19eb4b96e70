using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using BlogSite.Accounts;
using BlogSite.Backups;
using BlogSite.Data;
using BlogSite.Media;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace BlogSite.IntegrationTests.Backups;

/// <summary>The backup commands run through <see cref="BackupCli"/>, stores read row by row, and archives taken apart and put together.</summary>
internal static class BackupTestStore
{
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABAQMAAAAl21bKAAAAA1BMVEXA/+7iQ5mXAAAACklEQVQI12NgAAAAAgAB4iG8MwAAAABJRU5ErkJggg==");

    public static async Task<(int? Code, string Output, string Errors)> RunAsync(IServiceProvider services, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await BackupCli.TryRunAsync(args, services, new CliConsole(output, errors, () => ""));
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>Backs up with `backup --to <paramref name="folder"/>` and returns the archive's path.</summary>
    public static async Task<string> BackUpAsync(IServiceProvider services, string folder)
    {
        var (code, output, errors) = await RunAsync(services, "backup", "--to", folder);
        Assert.True(code == 0, errors);
        return output.Split(' ')[3];
    }

    /// <summary>The app's services for a store in <paramref name="root"/> (blog.db, media/) with no site running on it: what the CLI gets.</summary>
    public static ServiceProvider ServicesFor(string root)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Blog"] = $"Data Source={Path.Combine(root, "blog.db")}",
            ["Media:Path"] = Path.Combine(root, "media"),
        }).Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = "Production",
            ApplicationName = "BlogSite",
            ContentRootPath = root,
            ContentRootFileProvider = new NullFileProvider(),
        };
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton<IHostEnvironment>(environment).AddLogging();
        services.AddBlogData(configuration, environment).AddBlogMedia().AddBackups(configuration);
        return services.BuildServiceProvider();
    }

    public static async Task<string> SaveImageAsync(BlogFactory factory, int seed)
    {
        var bytes = Png.Concat(BitConverter.GetBytes(seed)).ToArray();
        var result = await factory.Services.GetRequiredService<ImageStore>().SaveAsync(new MemoryStream(bytes), bytes.Length, CancellationToken.None);
        return result.Url!;
    }

    /// <summary>Every row of every table, each as one string of typed values, sorted: two stores are equal when these are.</summary>
    public static async Task<SortedDictionary<string, List<string>>> RowsAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var list = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? "null" : reader.GetValue(i) switch
                    {
                        byte[] blob => "x'" + Convert.ToHexString(blob) + "'",
                        var value => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
                    };
                }

                list.Add(string.Join(" | ", values));
            }

            list.Sort(StringComparer.Ordinal);
            rows[table] = list;
        }

        return rows;
    }

    public static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>SHA-256 of every file under <paramref name="folder"/>, by its path relative to it.</summary>
    public static SortedDictionary<string, string> FileHashes(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    /// <summary>The entries of an archive, in order.</summary>
    public static async Task<List<(string Name, byte[] Data)>> EntriesAsync(string archive)
    {
        var entries = new List<(string, byte[])>();
        await using var file = File.OpenRead(archive);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            using var data = new MemoryStream();
            if (entry.DataStream is not null)
            {
                await entry.DataStream.CopyToAsync(data);
            }

            entries.Add((entry.Name, data.ToArray()));
        }

        return entries;
    }

    public static async Task WriteEntriesAsync(string archive, IEnumerable<(string Name, byte[] Data)> entries)
    {
        await using var file = File.Create(archive);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, data) in entries)
        {
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
    }

    public static BackupManifest Manifest(List<(string Name, byte[] Data)> entries) => BackupManifest.FromJson(entries[0].Data);

    /// <summary>The entries with <paramref name="name"/>'s data replaced, and the manifest rewritten to match it, as a careful forger would.</summary>
    public static List<(string Name, byte[] Data)> Forge(List<(string Name, byte[] Data)> entries, string name, byte[] data,
        Func<BackupManifest, BackupManifest>? alsoChange = null)
    {
        var manifest = Manifest(entries);
        manifest = manifest with
        {
            Parts = [.. manifest.Parts.Select(p => p.Path == name ? p with { Size = data.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(data)) } : p)],
        };
        manifest = alsoChange?.Invoke(manifest) ?? manifest;
        return [(BackupManifest.FileName, manifest.ToJson()), .. entries.Skip(1).Select(e => e.Name == name ? (name, data) : e)];
    }

    public static byte[] ManifestJson(BackupManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest);

    public static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what, int seconds = 60)
        where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Waited in vain for " + what);
            }

            await Task.Delay(100);
        }
    }

    public static void DeleteFolder(string root)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
