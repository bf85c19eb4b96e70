using BlogSite.Backups;
using Microsoft.Data.Sqlite;
using static BlogSite.IntegrationTests.Backups.BackupTestStore;

namespace BlogSite.IntegrationTests.Backups;

/// <summary>One good archive of a site with an image, made once for the class.</summary>
public sealed class GoodArchive : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("blogsite-archive-").FullName;

    public string Path { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var site = new BlogFactory();
        await SaveImageAsync(site, 1);
        await SaveImageAsync(site, 2);
        Path = await BackUpAsync(site.Services, Folder);
    }

    public Task DisposeAsync()
    {
        DeleteFolder(Folder);
        return Task.CompletedTask;
    }
}

/// <summary>Damaged and forged archives are refused with the reason, and the store they were to replace is left as it was.</summary>
[Trait(TestStore.Trait, TestStore.SqliteFile)] // Restore replaces the SQLite file: the Postgres pass leaves these out (see TestStore)
public sealed class RestoreRefusalTests(GoodArchive good) : IClassFixture<GoodArchive>
{
    /// <summary>Restores <paramref name="archive"/> over a store whose files must come through untouched.</summary>
    private static async Task<string> RefusedAsync(string archive)
    {
        var root = Directory.CreateTempSubdirectory("blogsite-refused-").FullName;
        try
        {
            await File.WriteAllTextAsync(System.IO.Path.Combine(root, "blog.db"), "the current database");
            Directory.CreateDirectory(System.IO.Path.Combine(root, "media"));
            await File.WriteAllTextAsync(System.IO.Path.Combine(root, "media", "kept.png"), "a current image");
            var before = FileHashes(root);
            int? code;
            string errors;
            await using (var services = ServicesFor(root))
            {
                (code, _, errors) = await RunAsync(services, "restore", "--from", archive);
            }

            Assert.Equal(1, code);
            Assert.Contains("was not restored", errors, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed", errors, StringComparison.Ordinal);
            // Only the locks were added beside the database; nothing staged is left.
            var after = FileHashes(root);
            Assert.Equal(before, new SortedDictionary<string, string>(after.Where(f => !f.Key.EndsWith(".lock", StringComparison.Ordinal))
                .ToDictionary(), StringComparer.Ordinal));
            Assert.DoesNotContain(Directory.GetFileSystemEntries(root), e => System.IO.Path.GetFileName(e).StartsWith('.'));
            return errors;
        }
        finally
        {
            DeleteFolder(root);
        }
    }

    private async Task<string> TamperedAsync(Func<List<(string Name, byte[] Data)>, List<(string Name, byte[] Data)>> change)
    {
        var archive = System.IO.Path.Combine(good.Folder, $"tampered-{Guid.NewGuid():N}.tar.gz");
        await WriteEntriesAsync(archive, change(await EntriesAsync(good.Path)));
        return archive;
    }

    [Fact]
    public async Task AGoodArchive_Restores()
    {
        var root = Directory.CreateTempSubdirectory("blogsite-good-").FullName;
        try
        {
            await using var services = ServicesFor(root);
            Assert.Equal(0, (await RunAsync(services, "restore", "--from", good.Path)).Code);
        }
        finally
        {
            DeleteFolder(root);
        }
    }

    [Fact]
    public async Task AChangedByteInTheDatabase_IsRefused_ByItsHash()
    {
        var archive = await TamperedAsync(entries => [.. entries.Select(e => e.Name == BackupManifest.DatabasePart ? (e.Name, Flip(e.Data, e.Data.Length / 2)) : e)]);

        Assert.Contains("blog.db does not match the SHA-256 in its manifest", await RefusedAsync(archive), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedImage_IsRefused_ByItsHash()
    {
        var archive = await TamperedAsync(entries => [.. entries.Select(e => e.Name.StartsWith("media/", StringComparison.Ordinal) ? (e.Name, Flip(e.Data, 0)) : e)]);

        Assert.Matches("media/[0-9a-f]+\\.png does not match the SHA-256", await RefusedAsync(archive));
    }

    [Fact]
    public async Task ACutShortArchive_IsRefused()
    {
        var archive = System.IO.Path.Combine(good.Folder, "cut.tar.gz");
        var bytes = await File.ReadAllBytesAsync(good.Path);
        await File.WriteAllBytesAsync(archive, bytes[..(bytes.Length / 2)]);

        Assert.Contains("cut short", await RefusedAsync(archive), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingImage_IsRefused_NamingIt()
    {
        var archive = await TamperedAsync(entries => [.. entries.Where(e => e.Name != entries[^1].Name)]);

        Assert.Contains("it lacks media/", await RefusedAsync(archive), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExtraFile_IsRefused()
    {
        var archive = await TamperedAsync(entries => [.. entries, ("media/extra.png", Png)]);

        Assert.Contains("it holds media/extra.png, which its manifest does not list", await RefusedAsync(archive), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APathOutOfTheMediaFolder_IsRefused_EvenWhenTheManifestListsIt()
    {
        const string Escape = "media/../../escaped.png";
        var archive = await TamperedAsync(entries =>
        {
            var manifest = Manifest(entries);
            manifest = manifest with { Parts = [.. manifest.Parts, new BackupPart(Escape, Png.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)))] };
            return [(BackupManifest.FileName, manifest.ToJson()), .. entries.Skip(1), (Escape, Png)];
        });

        Assert.Contains($"'{Escape}', which is not a plain path", await RefusedAsync(archive), StringComparison.Ordinal);
        Assert.False(File.Exists(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "escaped.png")));
    }

    [Fact]
    public async Task NoManifest_IsRefused()
    {
        var archive = await TamperedAsync(entries => [.. entries.Skip(1)]);

        Assert.Contains("does not begin with manifest.json", await RefusedAsync(archive), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAnArchive_IsRefused()
    {
        var archive = System.IO.Path.Combine(good.Folder, "notes.tar.gz");
        await File.WriteAllTextAsync(archive, "just some words");

        Assert.Contains("not a gzip'd tar archive", await RefusedAsync(archive), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADamagedDatabase_WithAForgedHash_IsRefused_ByTheIntegrityCheck()
    {
        var entries = await EntriesAsync(good.Path);
        var database = entries.Single(e => e.Name == BackupManifest.DatabasePart).Data.ToArray();
        // Garbage over the middle pages: the header still says SQLite, the b-trees no longer hold together.
        for (var i = 4096 * 3; i < Math.Min(database.Length - 4096, 4096 * 12); i++)
        {
            database[i] = 0x5A;
        }

        var archive = await TamperedAsync(_ => Forge(entries, BackupManifest.DatabasePart, database));

        Assert.Matches("integrity check|cannot be read by SQLite", await RefusedAsync(archive));
    }

    [Fact]
    public async Task ADatabaseFromANewerVersion_IsRefused()
    {
        var entries = await EntriesAsync(good.Path);
        var file = System.IO.Path.Combine(good.Folder, $"newer-{Guid.NewGuid():N}.db");
        await File.WriteAllBytesAsync(file, entries.Single(e => e.Name == BackupManifest.DatabasePart).Data);
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0')";
            await command.ExecuteNonQueryAsync();
        }

        var archive = await TamperedAsync(_ => Forge(entries, BackupManifest.DatabasePart, File.ReadAllBytes(file), manifest => manifest with
        {
            SchemaVersion = "29991231000000_FromTheFuture",
            Tables = new Dictionary<string, long>(manifest.Tables) { ["__EFMigrationsHistory"] = manifest.Tables["__EFMigrationsHistory"] + 1 },
        }));

        Assert.Contains("made by a newer BlogSite", await RefusedAsync(archive), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManifestWhoseSchemaIsNotTheDatabases_IsRefused()
    {
        var entries = await EntriesAsync(good.Path);
        var manifest = Manifest(entries) with { SchemaVersion = "20261126232759_InitialCreate" };
        var archive = await TamperedAsync(_ => [(BackupManifest.FileName, manifest.ToJson()), .. entries.Skip(1)]);

        Assert.Contains("and its manifest says 20261126232759_InitialCreate", await RefusedAsync(archive), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingArchive_IsRefused()
    {
        await using var services = ServicesFor(good.Folder);

        var (code, _, errors) = await RunAsync(services, "restore", "--from", System.IO.Path.Combine(good.Folder, "no-such-archive.tar.gz"));

        Assert.Equal(1, code);
        Assert.Contains("There is no archive at", errors, StringComparison.Ordinal);
    }

    private static byte[] Flip(byte[] data, int at)
    {
        var copy = data.ToArray();
        copy[at] ^= 0xFF;
        return copy;
    }
}
