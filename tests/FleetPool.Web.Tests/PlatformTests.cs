using System.Net;
using System.Net.Http.Json;
using FleetPool.Core.Data;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

public abstract class PlatformTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    [Fact]
    public async Task Health_Anonymous_Healthy()
    {
        var response = await App.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_LiveAndReady_LiveAnswersReadyNamesTheDatabaseAndJobChecks()
    {
        var client = App.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("Jobs:Enabled=false", ready.GetProperty("checks").GetProperty("jobs").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_ListsBookingRoutes()
    {
        var json = await App.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/bookings/{id}/checkin\"", json, StringComparison.Ordinal);
        Assert.Contains("\"/api/availability\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_ThisProvider_NoPendingModelChanges()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run migrations/add-migration.sh.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task AuditEntries_UpdateOrDelete_RefusedByDatabase()
    {
        var client = await App.ClientForAsync(TestData.Staff);
        await client.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-04-09T09:00:00+02:00", "2026-04-09T10:00:00+02:00"));
        var update = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'x'")));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => App.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"")));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal); // the trigger refused it, not some other error
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Booking" && a.ActorId == App.Ids.Staff)));
    }
}

public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests<SqliteApp>(app);

public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests<PostgresApp>(app);

public class SqlitePlatformTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Database_Sqlite_RunsInWalMode()
    {
        var mode = await app.QueryAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", mode.Single());
    }
}

public class DatabaseBusyTests(ImpatientSqliteApp app) : IClassFixture<ImpatientSqliteApp>
{
    [Fact]
    public async Task CreateBooking_DatabaseLockedElsewhere_503ProblemAndNothingWritten()
    {
        var client = await app.ClientForAsync(TestData.Staff);
        var before = await app.QueryAsync(db => db.Bookings.CountAsync());
        await using (var other = new Microsoft.Data.Sqlite.SqliteConnection(app.ConnectionString))
        {
            await other.OpenAsync();
            await using var hold = (Microsoft.Data.Sqlite.SqliteTransaction)await other.BeginTransactionAsync(); // BEGIN IMMEDIATE
            var response = await client.BookAsync(ApiCalls.Booking(app.Ids.EBike, "2026-03-17T09:00:00+01:00", "2026-03-17T10:00:00+01:00"));
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter!.Delta); // a short wait: the lock is a moment's
        }
        Assert.Equal(before, await app.QueryAsync(db => db.Bookings.CountAsync()));
        var retried = await client.BookAsync(ApiCalls.Booking(app.Ids.EBike, "2026-03-17T09:00:00+01:00", "2026-03-17T10:00:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }
}
