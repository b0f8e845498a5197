using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using FleetPool.Benchmarks;
using Microsoft.Data.Sqlite;
using NodaTime;

// dotnet run -c Release --project tests/FleetPool.Benchmarks [-- --small] [--vehicles N] [--bookings N] [--share-vehicles N] [--share-bookings N]
var small = args.Contains("--small");
long Arg(string name, long fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
var (vehicles, bookings) = ((int)Arg("--vehicles", small ? 100 : 1_000), Arg("--bookings", small ? 50_000 : 1_000_000));
var (shareVehicles, shareBookings) = ((int)Arg("--share-vehicles", small ? 500 : 10_000), Arg("--share-bookings", small ? 100_000 : 5_000_000));
var folder = Path.Combine(Path.GetTempPath(), $"fleetpool-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
var rows = new List<Row>();
var watch = Stopwatch.StartNew();
try
{
    Console.WriteLine($"FleetPool benchmarks{(small ? " (--small)" : "")}: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
        $"SQLite {new SqliteConnection().ServerVersion}");
    {
        var db = Path.Combine(folder, "main.db");
        var (app, url) = await BenchApp.StartAsync(db);
        await using var _ = app;
        var now = SystemClock.Instance.GetCurrentInstant();
        var data = await DataGenerator.GenerateAsync(app.Services, db, vehicles, bookings, now);
        Console.WriteLine($"data: {data.Vehicles:N0} vehicles, {data.SiteIds.Count} sites, {data.Bookings:N0} bookings ({watch.Elapsed.TotalSeconds:0} s)");
        var scenarios = new Scenarios(app.Services, db, data, small);
        rows.AddRange(await scenarios.AvailabilityAsync());
        rows.AddRange(await scenarios.BookingCreateAsync());
        rows.AddRange(await scenarios.HttpAsync(url));
        await app.StopAsync();
    }
    {
        var db = Path.Combine(folder, "share.db");
        var (app, url) = await BenchApp.StartAsync(db);
        await using var _ = app;
        var data = await DataGenerator.GenerateAsync(app.Services, db, shareVehicles, shareBookings, SystemClock.Instance.GetCurrentInstant());
        Console.WriteLine($"data: {data.Vehicles:N0} vehicles, {data.Bookings:N0} bookings for the share job and reports ({watch.Elapsed.TotalSeconds:0} s)");
        var scenarios = new Scenarios(app.Services, db, data, small);
        rows.AddRange(await scenarios.FleetShareAsync());
        rows.AddRange(await scenarios.ReportsAsync());
        await app.StopAsync();
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

static string F(double v) => v >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.00", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine("| Scenario | Unit | FleetPool | Raw SQL baseline | Ratio | Target | Note |");
Console.WriteLine("|---|---|---:|---:|---:|---|---|");
foreach (var r in rows)
{
    Console.WriteLine($"| {r.Scenario} | {r.Unit} | {F(r.FleetPool)} | {F(r.Baseline)} | {r.Ratio:0.00} | {r.Target} | {r.Note} |");
}
Console.WriteLine($"\nTotal {watch.Elapsed.TotalSeconds:0} s.");
return 0;
