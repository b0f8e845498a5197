using System.Diagnostics;
using FleetPool.Core.Telemetry;
using Hangfire.Server;

namespace FleetPool.Web.Jobs;

/// <summary>
/// Every job run as a span ("job fleet-share") and a duration measurement (<c>fleetpool.jobs.duration</c>, by job and
/// outcome), and a log line when it ends or fails.
/// </summary>
internal sealed partial class JobTelemetryFilter(ILogger<JobTelemetryFilter> log) : IServerFilter
{
    private const string Key = "fleetpool.telemetry";

    public void OnPerforming(PerformingContext context)
    {
        var activity = FleetPoolTelemetry.Source.StartActivity($"job {Name(context)}");
        context.Items[Key] = new Run(activity, Stopwatch.StartNew());
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(Key, out var item) && item is Run(var activity, var watch))
        {
            var (name, outcome) = (Name(context), context.Exception is null ? "ok" : "failed");
            FleetPoolTelemetry.JobDuration.Record(watch.Elapsed.TotalSeconds, new("job", name), new("outcome", outcome));
            activity?.SetStatus(context.Exception is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            activity?.Dispose();
            if (context.Exception is { } e)
            {
                Failed(log, name, watch.ElapsedMilliseconds, e);
            }
            else
            {
                Finished(log, name, watch.ElapsedMilliseconds);
            }
        }
    }

    private sealed record Run(Activity? Activity, Stopwatch Watch);

    // The recurring job's id ("fleet-share") when it has one, else the method.
    private static string Name(PerformContext context) =>
        context.GetJobParameter<string>("RecurringJobId") ?? $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Job {Job} finished in {ElapsedMs} ms")]
    private static partial void Finished(ILogger logger, string job, long elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Job {Job} failed after {ElapsedMs} ms")]
    private static partial void Failed(ILogger logger, string job, long elapsedMs, Exception exception);
}
