using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FleetPool.Core.Common;
using FleetPool.Core.Import;
using Microsoft.Extensions.Logging;
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

    public CapturedLogs Logs { get; } = new();

    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics)));
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Logs));
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

    [Fact]
    public async Task Logs_BookingConflictSignInFailureAndImports_EventsWithIdsAndCountsNoPersonalText()
    {
        var client = await app.ClientForAsync(TestData.Staff);
        var booking = ApiCalls.Booking(app.Ids.EBike, "2026-03-19T09:00:00+01:00", "2026-03-19T10:00:00+01:00", purpose: "Hembesök hos Greta Persson");
        Assert.Equal(HttpStatusCode.Created, (await client.BookAsync(booking)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.BookAsync(booking)).StatusCode);
        var typed = "kalle.typo.secret@kommun.example";
        var signIn = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = typed, password = "wrong-password" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        var admin = Actor.Of(app.Ids.Admin, Roles.Admin);
        const string good = "name;parent\nSocialtjänst Syd;\n";
        const string bad = "name;parent\nHemliga enheten Ödeborg;Finns inte\n";
        await app.InScopeAsync<CsvImport, Outcome<ImportResult>>(i => i.RunAsync(ImportKind.Departments, admin, new StringReader(good), dryRun: true));
        await app.InScopeAsync<CsvImport, Outcome<ImportResult>>(i => i.RunAsync(ImportKind.Departments, admin, new StringReader(bad), dryRun: false));

        var records = app.Logs.Records;
        Assert.Contains(records, r => r.EventId == 1001 && r.Message.Contains($"by user {app.Ids.Staff}", StringComparison.Ordinal));
        Assert.Contains(records, r => r.EventId == 1002 && r.Message.Contains("Conflict", StringComparison.Ordinal));
        Assert.Contains(records, r => r.EventId == 3001);
        Assert.Contains(records, r => r.EventId == 4001 && r.Message == $"Import Departments by user {app.Ids.Admin}: 1 lines, 0 imported (dry run: True)");
        Assert.Contains(records, r => r.EventId == 4002 && r.Level == LogLevel.Warning && r.Message.Contains("1 errors, nothing written", StringComparison.Ordinal));
        // No free text a person typed or a file held reaches the log: not the purpose, the typed e-mail, nor a file's names.
        foreach (var secret in new[] { "Greta", typed, "Socialtjänst Syd", "Ödeborg", "wrong-password" })
        {
            Assert.DoesNotContain(records, r => r.Message.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
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
