using BlogSite.Accounts;
using BlogSite.Backups;
using BlogSite.Data;
using BlogSite.Health;
using BlogSite.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace BlogSite.Tests.Backups;

/// <summary>On PostgreSQL the backups are the database's (pg_dump): BlogSite's commands say so, and nothing is watched. No server is needed.</summary>
public sealed class PostgresBackupsTests
{
    [Theory]
    [InlineData("backup")]
    [InlineData("backup", "--to", "/tmp/anywhere")]
    [InlineData("restore", "--from", "/tmp/blog-2026-12-02T013000Z.tar.gz")]
    public async Task BackupAndRestore_OnPostgres_RefuseNamingPostgresTools(params string[] args)
    {
        using var services = Services(Postgres);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await BackupCli.TryRunAsync(args, services, new CliConsole(output, errors, () => ""));

        Assert.Equal(BackupCli.Refused, code);
        Assert.Contains("pg_dump", errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Readiness_OnPostgres_HasNoBackupsCheck_AndOnSqliteHasOne()
    {
        using var postgres = Services(Postgres);
        using var sqlite = Services(new() { ["ConnectionStrings:Blog"] = "Data Source=:memory:" });

        Assert.DoesNotContain("backups", CheckNames(postgres));
        Assert.Contains("database", CheckNames(postgres));
        Assert.Contains("backups", CheckNames(sqlite));
    }

    [Fact]
    public void Schedule_OnPostgres_IsANoticeNotAScheduler()
    {
        using var services = Services(Postgres);

        var hosted = services.GetServices<IHostedService>().Select(s => s.GetType()).ToList();

        Assert.Contains(typeof(PostgresBackupNotice), hosted);
        Assert.DoesNotContain(typeof(BackupScheduler), hosted);
    }

    private static Dictionary<string, string?> Postgres => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Blog"] = "Host=127.0.0.1;Port=1;Database=not-connected",
    };

    private static List<string> CheckNames(ServiceProvider services) =>
        [.. services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name)];

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var root = Path.GetTempPath();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new HostingEnvironment
        {
            EnvironmentName = "Production",
            ApplicationName = "BlogSite",
            ContentRootPath = root,
            ContentRootFileProvider = new NullFileProvider(),
        };
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton<IHostEnvironment>(environment).AddLogging();
        services.AddBlogData(configuration, environment).AddBlogMedia().AddBackups(configuration).AddBlogHealth(configuration);
        return services.BuildServiceProvider();
    }
}
