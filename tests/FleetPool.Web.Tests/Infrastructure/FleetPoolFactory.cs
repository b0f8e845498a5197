using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// The real app on its own database (migrated on start, like production), with a fake clock set to Monday
/// 2026-03-16 08:00 in Stockholm and, in the Testing environment, a small fixture organisation. One per test class;
/// subclasses choose the provider.
/// </summary>
public abstract class FleetPoolFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly Instant Monday8 = Instant.FromUtc(2026, 3, 16, 7, 0);

    public FakeClock Clock { get; } = new(Monday8);

    public TestIds Ids { get; private set; } = null!;

    /// <summary>"Sqlite" or "Postgres".</summary>
    public abstract string Provider { get; }

    /// <summary>The connection string of this factory's own database.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public virtual string? Unavailable => null;

    /// <summary>"Testing" seeds the small fixture; "Development" lets the app seed its demo municipality.</summary>
    protected virtual string EnvironmentName => "Testing";

    /// <summary>True for the hosts that start Hangfire.</summary>
    protected virtual bool RunsJobs => false;

    /// <summary>Seeds the fixture organisation; false for a second instance on an already seeded database.</summary>
    protected virtual bool SeedsTestData => EnvironmentName == "Testing";

    /// <summary>False for the hosts that test sign-in throttling with the shipped limits; the rest sign in often.</summary>
    protected virtual bool RelaxedSignInLimits => true;

    /// <summary>Whether the API docs are open to anyone; the test hosts read the document to check every answer against it.</summary>
    protected virtual bool PublicApiDocs => true;

    /// <summary>False for the hosts that test the holding limits as shipped; in the rest, a few test users hold many series and places in line.</summary>
    protected virtual bool RelaxedHoldingLimits => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (RelaxedSignInLimits)
        {
            builder.UseSetting("Security:LoginAttemptsPerClientPerMinute", "1000000");
            builder.UseSetting("Security:LoginAttemptsPerAccount", "1000000");
        }
        builder.UseSetting("Hosting:PublicApiDocs", PublicApiDocs ? "true" : "false");
        if (RelaxedHoldingLimits)
        {
            builder.UseSetting("HoldingLimits:OpenSeries", "100");
            builder.UseSetting("HoldingLimits:OpenSeriesOnOneVehicle", "100");
            builder.UseSetting("HoldingLimits:WaitlistEntries", "100");
        }
        // As in Development: a singleton that captures a scoped service fails here, not first on a developer's machine.
        builder.UseDefaultServiceProvider(o => (o.ValidateScopes, o.ValidateOnBuild) = (true, true));
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        // Hangfire's storage is process-wide: only the job tests (one collection, not parallel) start it.
        builder.UseSetting("Jobs:Enabled", RunsJobs ? "true" : "false");
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<IClock>();
            s.AddSingleton<IClock>(Clock);
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, OpenApiResponseCheck.StartupFilter>();
        });
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }
        _ = Server; // starts the host, which migrates the database (and seeds demo data in Development)
        if (!OpenApiResponseCheck.IsLoaded && PublicApiDocs)
        {
            OpenApiResponseCheck.Load(await CreateClient().GetStringAsync("/openapi/v1.json"));
        }
        if (SeedsTestData)
        {
            Ids = await TestData.SeedAsync(Services);
        }
    }

    /// <summary>Skips the calling test when the provider is missing here; under CI=true that is a failure instead.</summary>
    public void SkipIfUnavailable()
    {
        if (Unavailable is { } reason)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CI must run every provider: {reason}");
            Assert.Skip(reason);
        }
    }

    /// <summary>A client signed in through the real login endpoint.</summary>
    public async Task<HttpClient> ClientForAsync(string email)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(client, email));
        return client;
    }

    /// <summary>A bearer token from the login endpoint of this instance.</summary>
    public static async Task<string> TokenForAsync(HttpClient client, string email, string password = TestData.Password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Runs a scoped Core service (e.g. <c>CsvImport</c>, <c>UserAdministration</c>) in a scope of its own.</summary>
    public async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> act) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Reads the database directly, to check what the API really wrote.</summary>
    public async Task<T> QueryAsync<T>(Func<FleetPoolDb, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        return await query(db);
    }
}
