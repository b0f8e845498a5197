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

/// <summary>The app on a PostgreSQL database the test made (a restored copy): neither seeds it nor drops it.</summary>
public sealed class PostgresOnDatabase(string connectionString) : PostgresApp(connectionString);

/// <summary>
/// The README's PostgreSQL procedure, run against the test cluster: <c>pg_dump -Fc</c>, then <c>pg_restore --no-owner</c>
/// into a new database, and <c>pg_restore --clean --if-exists</c> over a database in use before; the app starts on each.
/// </summary>
public sealed class PostgresRestoreTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task PgRestore_DumpOfTheAppDatabase_AppStartsOnItAndFindsTheLastBookingBeforeTheDump()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientForAsync(TestData.Staff);
        var folder = Directory.CreateTempSubdirectory("fleetpool-pgdump-").FullName;
        var source = new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString);
        var copy = new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = $"{source.Database}_restored" };
        try
        {
            var kept = await BookAsync(staff, app.Ids.EBike, 9);
            var dump = Path.Combine(folder, "fleetpool.dump");
            await PgAsync("pg_dump", source, "-Fc", "-f", dump);
            var lost = await BookAsync(staff, app.Ids.EBike, 11); // after the dump: not in it

            // Into a new database, and the app pointed at it.
            await SqlAsync(source, $"CREATE DATABASE \"{copy.Database}\"");
            await PgAsync("pg_restore", copy, "--no-owner", dump);
            int later;
            await using (var restored = new PostgresOnDatabase(copy.ConnectionString))
            {
                await restored.InitializeAsync();
                var client = await restored.ClientForAsync(TestData.Staff);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/bookings/{kept}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/bookings/{lost}")).StatusCode);
                later = await BookAsync(client, app.Ids.EBike, 13); // the restored database takes new bookings (sequences restored)
                Assert.True(later > kept, "ids go on after the restored ones");
            }

            // Over the same database again, instances stopped: what was booked since is gone, the dump's state is back.
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PgAsync("pg_restore", copy, "--clean", "--if-exists", "--no-owner", dump);
            await using (var again = new PostgresOnDatabase(copy.ConnectionString))
            {
                await again.InitializeAsync();
                var client = await again.ClientForAsync(TestData.Staff);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/bookings/{kept}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/bookings/{later}")).StatusCode);
            }
            Measurements.Add($"Restore (PostgreSQL): pg_dump -Fc ({new FileInfo(dump).Length / 1024} KiB), pg_restore into a new database and " +
                $"--clean over it again; the app started on each and found the booking made before the dump, not the one made after it nor one made after the restore");
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await SqlAsync(source, $"DROP DATABASE IF EXISTS \"{copy.Database}\" WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> BookAsync(HttpClient client, int vehicle, int hour)
    {
        var response = await client.BookAsync(ApiCalls.Booking(vehicle, $"2026-03-20T{hour:00}:00:00+01:00", $"2026-03-20T{hour:00}:30:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private static async Task SqlAsync(Npgsql.NpgsqlConnectionStringBuilder target, string sql)
    {
        await using var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs pg_dump or pg_restore of the cluster's own version (Debian's /usr/lib/postgresql/N/bin, newest).</summary>
    private static async Task PgAsync(string tool, Npgsql.NpgsqlConnectionStringBuilder target, params string[] arguments)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal).LastOrDefault()
            : null;
        var start = new System.Diagnostics.ProcessStartInfo(bin ?? tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", target.Username!, "-d", target.Database! }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        if (target.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await errors}");
    }
}
