using System.Net;
using System.Text.Json;
using FleetPool.Core.Data;
using FleetPool.Web.Setup;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FleetPool.Web.Tests;

/// <summary>The app on a SQLite file the test names and keeps: the restore test starts it twice on the same data.</summary>
public sealed class KeptSqliteApp(string path, bool seeds) : FleetPoolFactory
{
    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={path}";

    protected override bool SeedsTestData => seeds;
}

/// <summary>A nightly backup restored: refused while the app runs or when the file is bad; then the app starts on it.</summary>
public sealed class RestoreTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fleetpool-restore-{Guid.NewGuid():N}");

    private string Database => Path.Combine(_folder, "fleetpool.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static async Task<int> BookAsync(FleetPoolFactory app, int hour)
    {
        var response = await (await app.ClientForAsync(TestData.Staff)).BookAsync(ApiCalls.Booking(app.Ids.EBike, $"2026-03-20T{hour:00}:00:00+01:00", $"2026-03-20T{hour:00}:30:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Restore_NightlyBackup_RefusedWhileRunningOrBadThenTheAppFindsTheLastBookingBeforeIt()
    {
        string backup;
        int kept, lost;
        string[] known;
        await using (var app = new KeptSqliteApp(Database, seeds: true))
        {
            await app.InitializeAsync();
            kept = await BookAsync(app, 9);
            backup = (await app.Services.GetRequiredService<SqliteBackup>().RunAsync(Path.Combine(_folder, "backups")))!;
            lost = await BookAsync(app, 11); // after the backup: a restore takes it back
            known = await app.QueryAsync(db => Task.FromResult(db.Database.GetMigrations().ToArray()));

            var whileRunning = await SqliteRestore.RunAsync(Database, backup, known, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
            Assert.False(whileRunning.Restored);
            Assert.Contains("stop it first", whileRunning.Message, StringComparison.Ordinal);
        }
        SqliteConnection.ClearAllPools();
        var garbage = Path.Combine(_folder, "garbage.db");
        await File.WriteAllTextAsync(garbage, "not a database at all, just text", TestContext.Current.CancellationToken);
        var bad = await SqliteRestore.RunAsync(Database, garbage, known, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        var newer = await SqliteRestore.RunAsync(Database, backup, known[..^1], DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        Assert.False(bad.Restored);
        Assert.False(newer.Restored);
        Assert.Contains("newer FleetPool", newer.Message, StringComparison.Ordinal);

        var restored = await SqliteRestore.RunAsync(Database, backup, known, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);

        Assert.True(restored.Restored, restored.Message);
        Assert.True(File.Exists(restored.SetAside), "the replaced file is kept");
        await using var again = new KeptSqliteApp(Database, seeds: false);
        await again.InitializeAsync();
        var staff = await again.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/bookings/{kept}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/bookings/{lost}")).StatusCode);
        Assert.Equal(["ok"], await again.QueryAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync()));
        Measurements.Add($"Restore (SQLite): a nightly backup restored over a file with one later booking; the app restarted on it found booking {kept} and not {lost}; integrity ok");
    }
}
