using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FleetPool.Web.Setup;

/// <summary>The readiness answer as JSON: the overall status and each check's status and description (no exception details).</summary>
internal static class HealthReportJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
