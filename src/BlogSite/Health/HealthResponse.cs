using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlogSite.Health;

/// <summary>
/// Plain text for load balancers and people: the status word, then, for each check that is not healthy, what it
/// said. JSON with each check's status, description and data for a client that asks for application/json
/// (monitoring, tests). Exceptions are never written: the log has them.
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
            var text = new StringBuilder(report.Status.ToString());
            foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
            {
                text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(" - ").Append(entry.Description);
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
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
