using System.Diagnostics;
using System.Globalization;
using System.Text;
using NodaTime;

namespace FleetPool.Benchmarks;

/// <summary>
/// How cost grows with size: the demo's municipality (64 vehicles, ~3,000 bookings) at 10×, 100× and 1,000×, each on a
/// fresh database, with the time and memory of availability, booking create, the share job and the steering report.
/// Prints a table and writes a chart (SVG) of each figure relative to the smallest size, on log–log axes.
/// </summary>
public static class ScalingCurve
{
    private const int DemoVehicles = 64, DemoBookings = 3_000;

    private sealed record Point(int Factor, int Vehicles, long Bookings, Stats Availability, double AvailabilityKb, Stats Create, double CreateKb,
        (double Seconds, double PeakMb, double AllocatedMb) Share, (double Seconds, double PeakMb, double AllocatedMb) Steering);

    public static async Task RunAsync(Func<string, Task<BenchDatabase>> open, bool small, Stopwatch watch, string? chartPath)
    {
        var points = new List<Point>();
        string engine = "";
        foreach (var factor in small ? new[] { 1, 10 } : [10, 100, 1000])
        {
            await using var database = await open($"scale{factor}");
            engine = database.Provider;
            var (app, _) = await BenchApp.StartAsync(database);
            await using var _ = app;
            var data = await DataGenerator.GenerateAsync(app.Services, database, DemoVehicles * factor, (long)DemoBookings * factor, SystemClock.Instance.GetCurrentInstant());
            Console.WriteLine($"{factor}×: {data.Vehicles:N0} vehicles, {data.Bookings:N0} bookings ({watch.Elapsed.TotalSeconds:0} s)");
            var scenarios = new Scenarios(app.Services, database, data, small);
            var (availability, availabilityKb) = await AllocatedPerCallAsync(300, n => scenarios.TimeAvailabilityAsync(n));
            var (create, createKb) = await AllocatedPerCallAsync(300, n => scenarios.TimeBookingCreateAsync(n, 31));
            points.Add(new Point(factor, data.Vehicles, data.Bookings, availability, availabilityKb, create, createKb,
                await scenarios.TimeShareJobAsync(), await scenarios.TimeSteeringAsync()));
            await app.StopAsync();
        }
        Print(points);
        if (chartPath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(chartPath))!);
            await File.WriteAllTextAsync(chartPath, Chart(points, engine));
            Console.WriteLine($"chart: {chartPath}");
        }
    }

    // Allocation per call: the process's total allocation over the timed calls (the app is otherwise idle), warm-up included.
    private static async Task<(Stats Stats, double KbPerCall)> AllocatedPerCallAsync(int iterations, Func<int, Task<Stats>> run)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stats = await run(iterations);
        return (stats, (GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / iterations);
    }

    private static string F(double v) => v.ToString(v >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture);

    private static void Print(List<Point> points)
    {
        Console.WriteLine();
        Console.WriteLine("| Size | Vehicles | Bookings | Availability mean / p95 (ms) | alloc/call | Booking create (/s) | alloc/call | Share job (s) | peak / alloc (MB) | Steering report (s) | peak / alloc (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in points)
        {
            Console.WriteLine($"| {p.Factor}× demo | {p.Vehicles:N0} | {p.Bookings:N0} | {F(p.Availability.MeanMs)} / {F(p.Availability.P95Ms)} | {p.AvailabilityKb:0} KB | " +
                $"{F(p.Create.PerSecond)} | {p.CreateKb:0} KB | {F(p.Share.Seconds)} | +{p.Share.PeakMb:0} / {p.Share.AllocatedMb:0} | {F(p.Steering.Seconds)} | +{p.Steering.PeakMb:0} / {p.Steering.AllocatedMb:0} |");
        }
    }

    /// <summary>Each figure's time divided by its time at the smallest size, against size, both on log scales.</summary>
    private static string Chart(List<Point> points, string engine)
    {
        var series = new (string Name, string Colour, Func<Point, double> Time)[]
        {
            ("Availability (mean)", "#1f77b4", p => p.Availability.MeanMs),
            ("Booking create (per booking)", "#2ca02c", p => 1000 / p.Create.PerSecond),
            ("Share job", "#d62728", p => p.Share.Seconds),
            ("Steering report", "#9467bd", p => p.Steering.Seconds),
        };
        const double left = 60, top = 30, width = 420, height = 260;
        var (minF, maxF) = (Math.Log10(points[0].Factor), Math.Log10(points[^1].Factor));
        var ratios = series.SelectMany(s => points.Select(p => s.Time(p) / s.Time(points[0]))).ToList();
        var maxR = Math.Max(Math.Ceiling(Math.Log10(Math.Max(ratios.Max(), 10))), 1);
        double X(int factor) => left + (Math.Log10(factor) - minF) / (maxF - minF) * width;
        double Y(double ratio) => top + height - Math.Log10(Math.Max(ratio, 1)) / maxR * height;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 230}" height="{top + height + 60}" font-family="sans-serif" font-size="12">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="100%" height="100%" fill="white"/><text x="{left}" y="18" font-weight="bold">Time relative to {points[0].Factor}× the demo ({engine}); the dashed line grows as fast as the data</text>""");
        for (var d = 0; d <= maxR; d++)
        {
            var y = Y(Math.Pow(10, d));
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" y1="{y:0.#}" x2="{left + width}" y2="{y:0.#}" stroke="#ddd"/><text x="{left - 8}" y="{y + 4:0.#}" text-anchor="end">{Math.Pow(10, d):0}×</text>""");
        }
        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{X(p.Factor):0.#}" y1="{top}" x2="{X(p.Factor):0.#}" y2="{top + height}" stroke="#eee"/><text x="{X(p.Factor):0.#}" y="{top + height + 18}" text-anchor="middle">{p.Factor}× ({p.Bookings:N0} bookings)</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{X(points[0].Factor):0.#}" y1="{Y(1):0.#}" x2="{X(points[^1].Factor):0.#}" y2="{Y((double)points[^1].Factor / points[0].Factor):0.#}" stroke="#999" stroke-dasharray="5,4"/>""");
        for (var i = 0; i < series.Length; i++)
        {
            var (name, colour, time) = series[i];
            var path = string.Join(" ", points.Select(p => $"{X(p.Factor):0.#},{Y(time(p) / time(points[0])):0.#}"));
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>""");
            foreach (var p in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{X(p.Factor):0.#}" cy="{Y(time(p) / time(points[0])):0.#}" r="3" fill="{colour}"/>""");
            }
            var ly = top + 10 + i * 20;
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{left + width + 20}" y1="{ly}" x2="{left + width + 40}" y2="{ly}" stroke="{colour}" stroke-width="2"/><text x="{left + width + 45}" y="{ly + 4}">{name}</text>""");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
