using System.Diagnostics;
using System.Net;
using FleetPool.Web.Tests.Infrastructure;
using Hangfire;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FleetPool.Web.Tests;

/// <summary>The app with its jobs running and its telemetry exported to memory, read back as an OTLP collector would get it.</summary>
public sealed class TelemetryApp : SqliteApp
{
    public List<Activity> Spans { get; } = [];

    public List<Metric> Metrics { get; } = [];

    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics)));
    }
}

public class TelemetryTests(TelemetryApp app) : IClassFixture<TelemetryApp>
{
    [Fact]
    public async Task Export_BookingsAConflictAndAJob_DomainMetricsHttpAndJobSpansExported()
    {
        var client = await app.ClientForAsync(TestData.Staff);
        var booking = ApiCalls.Booking(app.Ids.EBike, "2026-03-17T09:00:00+01:00", "2026-03-17T10:00:00+01:00");
        Assert.Equal(HttpStatusCode.Created, (await client.BookAsync(booking)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.BookAsync(booking)).StatusCode);
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("reminders");
        var tracer = app.Services.GetRequiredService<TracerProvider>();
        // The job runs on Hangfire's worker: wait for its span to a generous deadline, not for a fixed time.
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline && !Has("job reminders"); await Task.Delay(200, TestContext.Current.CancellationToken))
        {
            tracer.ForceFlush();
        }
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.True(Has("job reminders"), "a span per job run");
        Assert.Contains(Snapshot(), s => s.Kind == ActivityKind.Server && s.DisplayName.StartsWith("POST", StringComparison.Ordinal)); // ASP.NET Core
        var names = app.Metrics.Select(m => m.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "fleetpool.bookings.created", "fleetpool.bookings.conflicts", "fleetpool.jobs.duration", "http.server.request.duration" }, names);
        var created = app.Metrics.First(m => m.Name == "fleetpool.bookings.created");
        var tags = new List<string>();
        foreach (var point in created.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                tags.Add($"{tag.Key}={tag.Value}");
            }
        }
        Assert.Contains("vehicle.kind=EBike", tags);
        Assert.DoesNotContain(tags, t => t.Contains("Hembesök", StringComparison.Ordinal) || t.StartsWith("purpose", StringComparison.Ordinal)); // no free text
    }

    private List<Activity> Snapshot()
    {
        lock (app.Spans)
        {
            return [.. app.Spans];
        }
    }

    private bool Has(string name) => Snapshot().Any(s => s.DisplayName == name);
}
