using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FleetPool.Benchmarks;

/// <summary>The real app (services, middleware, endpoints) on the run's database and a free loopback port, Production settings, no jobs.</summary>
public static class BenchApp
{
    public static async Task<(WebApplication App, string Url)> StartAsync(BenchDatabase database)
    {
        var url = $"http://127.0.0.1:{FleetPool.Tests.Shared.LoopbackPorts.Free()}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production", ApplicationName = "FleetPool.Web", ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider, ["Database:ConnectionString"] = database.ConnectionString,
            ["DataProtection:CertificatePath"] = database.CertificatePath, ["DataProtection:GenerateIfMissing"] = "true",
            ["Jobs:Enabled"] = "false", ["Hosting:UseHttpsRedirection"] = "false", ["Organisation:TimeZone"] = "Europe/Stockholm",
            ["Security:LoginAttemptsPerClientPerMinute"] = "1000000", ["Security:LoginAttemptsPerAccount"] = "1000000", // every client signs in from 127.0.0.1
            // One benchmark client books thousands of hours a week: as a person it would wait for approval (HoldingLimits), which the
            // hand-written baseline does not do; the hot path measured is a booking that needs none.
            ["HoldingLimits:HoursPerWeek"] = "1000000", ["HoldingLimits:HoursPerWeekOnOneVehicle"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        builder.AddFleetPool();
        var app = builder.Build();
        await app.UseFleetPoolAsync();
        // The HTTP ceiling: the same pipeline, bearer check and revocation check as the booking API, and nothing else.
        app.MapGet("/api/bench/ping", () => "pong").RequireAuthorization();
        await app.StartAsync();
        return (app, url);
    }

}
