using System.Diagnostics;
using NodaTime;

namespace FleetPool.Benchmarks;

/// <summary>The hot paths on one engine, each beside its hand-written baseline: the table the README shows.</summary>
public static class HotPaths
{
    /// <summary>The scenarios of the main table; <paramref name="only"/> (names as <c>--only</c> takes them) runs a subset.</summary>
    public static async Task<(List<Row> Rows, List<Scenarios.Answer> Answers)> RunAsync(Func<string, Task<BenchDatabase>> open, bool small, Stopwatch watch,
        int vehicles, long bookings, int shareVehicles, long shareBookings, IReadOnlySet<string>? only = null)
    {
        bool Runs(string scenario) => only is null || only.Contains(scenario);
        var rows = new List<Row>();
        List<Scenarios.Answer> answers = [];
        if (new[] { "availability", "create", "http", "answers" }.Any(Runs))
        {
            answers = await MainAsync(open, small, watch, vehicles, bookings, Runs, rows);
        }
        if (Runs("share") || Runs("reports"))
        {
            await ShareAsync(open, small, watch, shareVehicles, shareBookings, Runs, rows);
        }
        return (rows, answers);
    }

    private static async Task<List<Scenarios.Answer>> MainAsync(Func<string, Task<BenchDatabase>> open, bool small, Stopwatch watch, int vehicles, long bookings,
        Func<string, bool> runs, List<Row> rows)
    {
        await using var database = await open("main");
        var (app, url) = await BenchApp.StartAsync(database);
        await using var _ = app;
        var data = await DataGenerator.GenerateAsync(app.Services, database, vehicles, bookings, SystemClock.Instance.GetCurrentInstant());
        Console.WriteLine($"data: {data.Vehicles:N0} vehicles, {data.SiteIds.Count} sites, {data.Bookings:N0} bookings ({watch.Elapsed.TotalSeconds:0} s)");
        var scenarios = new Scenarios(app.Services, database, data, small);
        if (runs("availability"))
        {
            rows.AddRange(await scenarios.AvailabilityAsync());
        }
        if (runs("create"))
        {
            rows.AddRange(await scenarios.BookingCreateAsync());
        }
        if (runs("http"))
        {
            var one = await scenarios.HttpAsync([url], firstDay: 61);
            rows.Add(new("HTTP, 32 clients, one instance: bookings/s vs authenticated pings/s", "per s", one.BookingsPerSecond, one.PingsPerSecond, "≥ 0.5", one.Note));
            if (database.Provider == "Postgres")
            {
                // A second instance on the same database, the load split across both (as behind the proxy).
                var (second, secondUrl) = await BenchApp.StartAsync(database);
                await using var __ = second;
                var two = await scenarios.HttpAsync([url, secondUrl], firstDay: 75);
                rows.Add(new("HTTP, 32 clients, two instances vs one: bookings/s", "per s", two.BookingsPerSecond, one.BookingsPerSecond, "≥ 1.6",
                    $"{two.Note}; pings/s on two: {two.PingsPerSecond:N0}"));
                await second.StopAsync();
            }
        }
        var answers = runs("answers") ? await scenarios.LargestAnswersAsync(url) : [];
        await app.StopAsync();
        return answers;
    }

    private static async Task ShareAsync(Func<string, Task<BenchDatabase>> open, bool small, Stopwatch watch, int shareVehicles, long shareBookings,
        Func<string, bool> runs, List<Row> rows)
    {
        await using var database = await open("share");
        var (app, _) = await BenchApp.StartAsync(database);
        await using var _ = app;
        var data = await DataGenerator.GenerateAsync(app.Services, database, shareVehicles, shareBookings, SystemClock.Instance.GetCurrentInstant());
        Console.WriteLine($"data: {data.Vehicles:N0} vehicles, {data.Bookings:N0} bookings for the share job and reports ({watch.Elapsed.TotalSeconds:0} s)");
        var scenarios = new Scenarios(app.Services, database, data, small);
        if (runs("share"))
        {
            rows.AddRange(await scenarios.FleetShareAsync());
        }
        if (runs("reports"))
        {
            rows.AddRange(await scenarios.ReportsAsync());
        }
        await app.StopAsync();
    }

    public static void Print(List<Scenarios.Answer> answers)
    {
        Console.WriteLine();
        Console.WriteLine("| Largest answer (fleet manager and admin) | Time (ms) | Size (KB) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var a in answers)
        {
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"| `GET {a.Path}` | {a.Ms:0.0} | {a.Bytes / 1024.0:N0} |"));
        }
    }
}
