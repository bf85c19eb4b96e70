using BlogSite.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlogSite.Health;

/// <summary>Ready when the database answers a query against a real table.</summary>
public sealed class DatabaseHealthCheck(BlogDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // SQLite creates a missing file on open, so a bare connect would pass; reading a table would not.
            _ = await db.Categories.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database did not answer.", ex);
        }
    }
}
