using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlogSite.Health;

/// <summary>
/// The status word, as before, for load balancers; JSON with each check's status, description and data for a client that
/// asks for application/json (monitoring, tests). Exceptions are never written: the log has them.
/// </summary>
public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        if (!context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status.ToString());
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            Status = report.Status.ToString(),
            Checks = report.Entries.ToDictionary(e => e.Key, e => new { Status = e.Value.Status.ToString(), e.Value.Description, e.Value.Data }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }
}
