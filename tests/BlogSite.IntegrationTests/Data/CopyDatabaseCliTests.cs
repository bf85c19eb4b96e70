using System.Net;
using System.Net.Sockets;
using BlogSite.Data;
using BlogSite.IntegrationTests.Backups;

namespace BlogSite.IntegrationTests.Data;

/// <summary>What `copy-database` answers before it writes anything; no PostgreSQL server is needed (see <see cref="CopyDatabaseTests"/> for the copy).</summary>
public sealed class CopyDatabaseCliTests : IDisposable
{
    private const string Password = "hunter2-not-for-the-terminal";

    private readonly string root = Directory.CreateTempSubdirectory("blogsite-copy-cli-").FullName;

    /// <summary>A PostgreSQL address where nothing listens: a port the system just handed out and took back.</summary>
    private static string Unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"Host=127.0.0.1;Port={port};Database=blog;Username=blog;Password={Password};Timeout=5";
    }

    [Theory]
    [InlineData]
    [InlineData("--to-provider", "Postgres")]
    [InlineData("--to", "Host=db;Database=blog")]
    [InlineData("--to-provider", "Postgres", "--to", "")]
    [InlineData("--to-provider", "Postgres", "--to", "Host=db;Database=blog", "--force")]
    [InlineData("--to-provider", "Oracle", "--to", "Host=db;Database=blog")]
    public async Task BadArguments_PrintTheUsage_AndExit2(params string[] args)
    {
        await using var services = BackupTestStore.ServicesFor(root);

        var (code, output, errors) = await CopyDatabaseTests.RunAsync(services, args);

        Assert.Equal(CopyDatabaseCli.Refused, code);
        Assert.Contains("Usage: copy-database --to-provider Postgres --to", errors, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task SqliteAsTheTarget_IsRefused_WithTheWayBack()
    {
        await using var services = BackupTestStore.ServicesFor(root);

        var (code, _, errors) = await CopyDatabaseTests.RunAsync(services, "--to-provider", "Sqlite", "--to", "Data Source=other.db");

        Assert.Equal(CopyDatabaseCli.Refused, code);
        Assert.Contains("into PostgreSQL only", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Pasword=" + Password + ";Database=blog")]
    [InlineData("Host=db;Database=blog;Password=" + Password + ";Port=many")]
    [InlineData("Password=" + Password + ";Database=blog")]
    public async Task AConnectionStringPostgresCannotUse_IsRefused_WithoutEchoingThePassword(string target)
    {
        await using var services = BackupTestStore.ServicesFor(root);

        var (code, output, errors) = await CopyDatabaseTests.RunAsync(services, "--to-provider", "Postgres", "--to", target);

        Assert.Equal(CopyDatabaseCli.Refused, code);
        Assert.Contains("--to", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatCannotBeReached_Exits1_NamingItWithoutItsPassword()
    {
        await using var services = BackupTestStore.ServicesFor(root);

        var (code, output, errors) = await CopyDatabaseTests.RunAsync(services, "--to-provider", "Postgres", "--to", Unreachable());

        Assert.Equal(CopyDatabaseCli.Failed, code);
        Assert.Contains("The copy to 127.0.0.1:", errors, StringComparison.Ordinal);
        Assert.Contains("/blog as blog failed", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output + errors, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(TestStore.Trait, TestStore.SqliteFile)] // About the SQLite file's lock: the Postgres pass leaves it out (see TestStore)
    public async Task WhileTheSiteRunsOnTheSqliteStore_Exits3_BeforeTryingTheTarget()
    {
        using var site = BlogFactory.InFolder(root, DatabaseProvider.Sqlite);

        // The running site holds the store's lock; the target is not even tried (it could not be reached: that would be 1).
        var (code, _, errors) = await CopyDatabaseTests.RunAsync(site.Services, "--to-provider", "Postgres", "--to", Unreachable());

        Assert.Equal(CopyDatabaseCli.InUse, code);
        Assert.Contains("A site is running on", errors, StringComparison.Ordinal);
        Assert.Contains("Stop it", errors, StringComparison.Ordinal);
    }

    public void Dispose() => BackupTestStore.DeleteFolder(root);
}
