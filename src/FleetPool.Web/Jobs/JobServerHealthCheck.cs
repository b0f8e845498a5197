using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FleetPool.Web.Jobs;

/// <summary>
/// Ready when this instance's job server is up: a Hangfire server has sent a heartbeat within the last minute. An
/// instance that runs no jobs (<c>Jobs:Enabled=false</c>) is ready without one.
/// </summary>
internal sealed class JobServerHealthCheck(IOptions<JobsOptions> options, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled || services.GetService<JobStorage>() is not { } storage)
        {
            return Task.FromResult(HealthCheckResult.Healthy("No job server in this instance (Jobs:Enabled=false)."));
        }
        var since = DateTime.UtcNow.AddMinutes(-1); // Hangfire's heartbeats are wall-clock time, whatever clock the app runs on
        var alive = storage.GetMonitoringApi().Servers().Count(s => s.Heartbeat is { } beat && beat >= since);
        return Task.FromResult(alive > 0 ? HealthCheckResult.Healthy($"{alive} job server(s) alive.")
            : HealthCheckResult.Unhealthy("No job server has sent a heartbeat in the last minute."));
    }
}
