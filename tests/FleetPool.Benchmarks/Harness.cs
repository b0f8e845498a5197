using System.Diagnostics;

namespace FleetPool.Benchmarks;

/// <summary>Latencies of one measured operation: mean, median, p95 and throughput.</summary>
public sealed record Stats(int Count, double TotalSeconds, double MeanMs, double P50Ms, double P95Ms)
{
    public double PerSecond => Count / TotalSeconds;

    public static Stats Of(List<double> ms, double totalSeconds)
    {
        ms.Sort();
        return new Stats(ms.Count, totalSeconds, ms.Average(), ms[ms.Count / 2], ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(ms.Count * 0.95) - 1)]);
    }
}

/// <summary>A plain timed harness: warm-up rounds, then each call timed with a Stopwatch, one after another.</summary>
public static class Harness
{
    public static async Task<Stats> TimeAsync(int warmup, int iterations, Func<int, Task> op)
    {
        for (var i = 0; i < warmup; i++)
        {
            await op(-1 - i);
        }
        var ms = new List<double>(iterations);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var one = Stopwatch.StartNew();
            await op(i);
            ms.Add(one.Elapsed.TotalMilliseconds);
        }
        return Stats.Of(ms, total.Elapsed.TotalSeconds);
    }

    /// <summary>Runs <paramref name="op"/> on <paramref name="workers"/> concurrent loops for a fixed time.</summary>
    public static async Task<Stats> LoadAsync(int workers, TimeSpan duration, Func<int, Task> op)
    {
        var all = new List<double>[workers];
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var mine = all[w] = [];
            while (total.Elapsed < duration)
            {
                var one = Stopwatch.StartNew();
                await op(w);
                mine.Add(one.Elapsed.TotalMilliseconds);
            }
        }));
        return Stats.Of(all.SelectMany(l => l).ToList(), total.Elapsed.TotalSeconds);
    }

    /// <summary>Runs <paramref name="op"/> once while sampling the process's working set every 5 ms; returns time and peak growth.</summary>
    public static async Task<(double Seconds, double PeakMb, double AllocatedMb)> OnceWithMemoryAsync(Func<Task> op)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });
        var watch = Stopwatch.StartNew();
        await op();
        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        process.Refresh();
        peak = Math.Max(peak, process.WorkingSet64);
        return (seconds, (peak - before) / 1048576.0, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0);
    }
}
