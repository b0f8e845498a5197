using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace FleetPool.Web.Tests.Infrastructure;

/// <summary>
/// The real app on its own SQLite file (migrated on start, like production), with a fake clock set to Monday
/// 2026-03-16 08:00 in Stockholm and a small fixture organisation. One per test class.
/// </summary>
public class FleetPoolFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"fleetpool-test-{Guid.NewGuid():N}.db");

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 3, 16, 7, 0));

    public TestIds Ids { get; private set; } = null!;

    /// <summary>"Testing" seeds the small fixture; "Development" lets the app seed its demo municipality.</summary>
    protected virtual string EnvironmentName => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:ConnectionString", $"Data Source={_dbPath}");
        builder.ConfigureServices(s =>
        {
            s.RemoveAll<IClock>();
            s.AddSingleton<IClock>(Clock);
        });
    }

    public async ValueTask InitializeAsync()
    {
        _ = Server; // starts the host, which migrates the file (and seeds demo data in Development)
        if (EnvironmentName == "Testing")
        {
            Ids = await TestData.SeedAsync(Services);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_dbPath + suffix);
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A client signed in through the real login endpoint.</summary>
    public async Task<HttpClient> ClientForAsync(string email)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestData.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Reads the database directly, to check what the API really wrote.</summary>
    public async Task<T> QueryAsync<T>(Func<FleetPoolDb, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        return await query(db);
    }
}
