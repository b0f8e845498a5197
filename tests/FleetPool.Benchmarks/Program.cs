using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using FleetPool.Benchmarks;

// dotnet run -c Release --project tests/FleetPool.Benchmarks [-- --small] [--postgres "<connection string>"] [--scale [--chart file.svg]]
//   [--vehicles N] [--bookings N] [--share-vehicles N] [--share-bookings N] [--only availability,create,http,answers,share,reports] [--keep]
var small = args.Contains("--small");
string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
long Arg(string name, long fallback) => Text(name) is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : fallback;
var postgres = Text("--postgres");
BenchDatabase.Keep = args.Contains("--keep");
var folder = Path.Combine(Path.GetTempPath(), $"fleetpool-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
var watch = Stopwatch.StartNew();
Task<BenchDatabase> OpenAsync(string name) => postgres is null ? Task.FromResult(BenchDatabase.Sqlite(folder, name)) : BenchDatabase.PostgresAsync(postgres, folder, name);
try
{
    await using (var probe = await OpenAsync("probe"))
    {
        Console.WriteLine($"FleetPool benchmarks{(small ? " (--small)" : "")}: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
            await probe.DescribeAsync());
    }
    if (args.Contains("--scale"))
    {
        await ScalingCurve.RunAsync(OpenAsync, small, watch, Text("--chart"));
    }
    else
    {
        var (rows, answers) = await HotPaths.RunAsync(OpenAsync, small, watch, (int)Arg("--vehicles", small ? 100 : 1_000), Arg("--bookings", small ? 50_000 : 1_000_000),
            (int)Arg("--share-vehicles", small ? 500 : 10_000), Arg("--share-bookings", small ? 100_000 : 5_000_000),
            Text("--only")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase));
        Row.Print(rows);
        HotPaths.Print(answers);
    }
}
finally
{
    if (args.Contains("--keep"))
    {
        Console.WriteLine($"kept the SQLite files in {folder}"); // to look at a query plan afterwards
    }
    else
    {
        Directory.Delete(folder, recursive: true);
    }
}
Console.WriteLine($"\nTotal {watch.Elapsed.TotalSeconds:0} s.");
return 0;
