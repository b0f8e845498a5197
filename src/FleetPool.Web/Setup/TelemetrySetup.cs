using FleetPool.Core.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FleetPool.Web.Setup;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, Npgsql (PostgreSQL), the .NET runtime, and FleetPool's own (bookings,
/// conflicts, refusals, steering outcomes, job durations, job spans). Exported by OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with <c>OTEL_SERVICE_NAME</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, … as usual);
/// collected but not sent otherwise. JSON logs: <c>Logging:Console:FormatterName=json</c>.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>Registers the providers (and the OTLP exporter when configured).</summary>
    public static IServiceCollection AddFleetPoolTelemetry(this IServiceCollection services, IConfiguration config)
    {
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OTEL_SERVICE_NAME"] ?? "FleetPool"))
            .WithTracing(t => t.AddSource(FleetPoolTelemetry.Name).AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql())
            .WithMetrics(m => m.AddMeter(FleetPoolTelemetry.Name, "Npgsql").AddAspNetCoreInstrumentation().AddRuntimeInstrumentation());
        if (!string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
        return services;
    }
}
