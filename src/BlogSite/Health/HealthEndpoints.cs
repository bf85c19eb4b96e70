using BlogSite.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace BlogSite.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddBlogHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        // On PostgreSQL BlogSite makes no backups, so it has none to report on (see PostgresBackups).
        if (DatabaseOptions.ReadStore(configuration).IsSqlite)
        {
            checks.AddCheck<BackupHealthCheck>("backups", tags: [ReadyTag]);
        }

        checks.AddCheck<StoreWritableHealthCheck>("store-writable", tags: [ReadyTag]);
        return services;
    }

    /// <summary>/healthz says the process is alive and runs no checks; /healthz/ready also asks the database, the backups and whether the store can be written.</summary>
    public static IEndpointRouteBuilder MapBlogHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
