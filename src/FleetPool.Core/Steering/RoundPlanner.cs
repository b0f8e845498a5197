using Google.OrTools.ConstraintSolver;
using NodaTime;

namespace FleetPool.Core.Steering;

/// <summary>A stop on a round: where, optionally when it must be visited (arrival between the two times) and how long it takes.</summary>
public sealed record RoundStop(GeoPoint At, LocalTime? From = null, LocalTime? To = null, int StopMinutes = 0);

/// <summary>
/// The proposed round: <see cref="Order"/> are indices into the stops as given, visited from and back to the pick-up
/// site; the km of that round and of the order as typed; <see cref="Arrivals"/> the arrival times when the round has a
/// start. <see cref="Feasible"/> is false when no order meets every time window (then the typed order is returned).
/// </summary>
public sealed record RoundPlan(IReadOnlyList<int> Order, double Km, double TypedKm, IReadOnlyList<LocalTime> Arrivals, bool Feasible)
{
    /// <summary>Km saved against the order as typed (0 when the typed order is already the best).</summary>
    public double SavedKm => Math.Max(0, Math.Round(TypedKm - Km, 2));
}

/// <summary>
/// Orders a multi-stop round to minimise its distance from and back to the pick-up site: up to <see cref="ExactUpTo"/>
/// stops without windows by trying every order, otherwise with Google OR-Tools' routing solver (cheapest-arc first
/// solution, guided local search within a time limit), keeping optional arrival windows.
/// Distances come from <see cref="IDistanceEstimator"/>, so a real router can replace haversine × detour later.
/// Invariants: every stop is visited exactly once; the proposed round is never longer than the typed one (the typed
/// order is kept when it is at least as short); a round whose windows cannot all be met says so instead of guessing.
/// </summary>
public sealed class RoundPlanner(IDistanceEstimator distances)
{
    /// <summary>Most stops a round may have.</summary>
    public const int MaxStops = 40;

    /// <summary>Rounds without windows up to this many stops are solved by trying every order (7! = 5,040).</summary>
    public const int ExactUpTo = 7;

    /// <summary>Plans the round from <paramref name="site"/>; <paramref name="start"/> anchors the time windows; <paramref name="averageKmh"/> turns km into minutes.</summary>
    public RoundPlan Plan(GeoPoint site, IReadOnlyList<RoundStop> stops, LocalTime? start = null, double averageKmh = 35)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stops.Count, MaxStops);
        var points = stops.Select(s => s.At).Prepend(site).ToList();
        var km = new double[points.Count, points.Count];
        for (var a = 0; a < points.Count; a++)
        {
            for (var b = 0; b < points.Count; b++)
            {
                km[a, b] = a == b ? 0 : distances.RoadKm(points[a], points[b]);
            }
        }
        var typed = Enumerable.Range(0, stops.Count).ToList();
        var typedKm = Length(km, typed);
        if (stops.Count < 2 && Arrive(stops, km, typed, start, averageKmh) is { } direct)
        {
            return new RoundPlan(typed, typedKm, typedKm, direct, true);
        }
        var windows = start is not null && stops.Any(x => x.From is not null || x.To is not null);
        // A few stops without windows: every order is tried (exact, instant, the same on a loaded machine).
        var order = !windows && stops.Count <= ExactUpTo ? Exact(km, stops.Count) : Solve(stops, km, start, averageKmh);
        if (order is null)
        {
            return new RoundPlan(typed, typedKm, typedKm, [], false);
        }
        // The solver's answer is a heuristic one: the typed order stands when it is as short and meets the windows.
        var best = Length(km, order) < typedKm - 1e-9 || Arrive(stops, km, typed, start, averageKmh) is null ? order : typed;
        return new RoundPlan(best, Math.Round(Length(km, best), 2), Math.Round(typedKm, 2), Arrive(stops, km, best, start, averageKmh) ?? [], true);
    }

    private static List<int>? Solve(IReadOnlyList<RoundStop> stops, double[,] km, LocalTime? start, double averageKmh)
    {
        var n = stops.Count + 1;
        using var manager = new RoutingIndexManager(n, 1, 0);
        using var routing = new RoutingModel(manager);
        var metres = routing.RegisterTransitCallback((from, to) => (long)Math.Round(km[manager.IndexToNode(from), manager.IndexToNode(to)] * 1000));
        routing.SetArcCostEvaluatorOfAllVehicles(metres);
        if (start is { } s && stops.Any(x => x.From is not null || x.To is not null))
        {
            var minutes = routing.RegisterTransitCallback((from, to) =>
            {
                var (a, b) = (manager.IndexToNode(from), manager.IndexToNode(to));
                return (long)Math.Ceiling(km[a, b] / averageKmh * 60) + (a == 0 ? 0 : stops[a - 1].StopMinutes);
            });
            const long day = 24 * 60;
            routing.AddDimension(minutes, day, day, false, "Time");
            var time = routing.GetMutableDimension("Time");
            var first = (long)s.ToTimeOnly().ToTimeSpan().TotalMinutes;
            time.CumulVar(routing.Start(0)).SetRange(first, first);
            for (var i = 0; i < stops.Count; i++)
            {
                var from = stops[i].From is { } f ? (long)f.ToTimeOnly().ToTimeSpan().TotalMinutes : first;
                var to = stops[i].To is { } t ? (long)t.ToTimeOnly().ToTimeSpan().TotalMinutes : day;
                if (from > to)
                {
                    return null;
                }
                time.CumulVar(manager.NodeToIndex(i + 1)).SetRange(from, to);
            }
        }
        var search = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        search.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        search.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        // Guided local search runs to its limit: a few stops need little, a day's home-care round (12–25) most.
        search.TimeLimit = new Google.Protobuf.WellKnownTypes.Duration { Nanos = stops.Count <= 8 ? 100_000_000 : 500_000_000 };
        var solution = routing.SolveWithParameters(search);
        if (solution is null && stops.All(x => x.From is null && x.To is null))
        {
            // Without windows a round always exists: no answer means the limit ran out first (a starved CPU); once more, longer.
            search.TimeLimit = new Google.Protobuf.WellKnownTypes.Duration { Seconds = 3 };
            solution = routing.SolveWithParameters(search);
        }
        if (solution is null)
        {
            return null;
        }
        var order = new List<int>();
        for (var index = solution.Value(routing.NextVar(routing.Start(0))); !routing.IsEnd(index); index = solution.Value(routing.NextVar(index)))
        {
            order.Add(manager.IndexToNode(index) - 1);
        }
        return order;
    }

    private static List<int> Exact(double[,] km, int count)
    {
        var (best, bestKm, path, used) = (new List<int>(), double.MaxValue, new List<int>(), new bool[count]);
        void Walk(int at, double sofar)
        {
            if (sofar >= bestKm)
            {
                return;
            }
            if (path.Count == count)
            {
                if (sofar + km[at, 0] < bestKm)
                {
                    (bestKm, best) = (sofar + km[at, 0], [.. path]);
                }
                return;
            }
            for (var next = 0; next < count; next++)
            {
                if (!used[next])
                {
                    (used[next], path) = (true, [.. path, next]);
                    Walk(next + 1, sofar + km[at, next + 1]);
                    (used[next], path) = (false, path[..^1]);
                }
            }
        }
        Walk(0, 0);
        return best;
    }

    private static double Length(double[,] km, IReadOnlyList<int> order)
    {
        var (total, at) = (0.0, 0);
        foreach (var stop in order)
        {
            (total, at) = (total + km[at, stop + 1], stop + 1);
        }
        return total + km[at, 0];
    }

    // Arrival times along an order (waiting for a window to open); null when a window is missed.
    private static List<LocalTime>? Arrive(IReadOnlyList<RoundStop> stops, double[,] km, IReadOnlyList<int> order, LocalTime? start, double averageKmh)
    {
        if (start is not { } s)
        {
            return [];
        }
        var (clock, at, arrivals) = ((double)s.ToTimeOnly().ToTimeSpan().TotalMinutes, 0, new List<LocalTime>());
        foreach (var i in order)
        {
            clock += Math.Ceiling(km[at, i + 1] / averageKmh * 60);
            var from = stops[i].From is { } f ? f.ToTimeOnly().ToTimeSpan().TotalMinutes : 0;
            clock = Math.Max(clock, from);
            if (stops[i].To is { } t && clock > t.ToTimeOnly().ToTimeSpan().TotalMinutes || clock >= 24 * 60)
            {
                return null;
            }
            arrivals.Add(LocalTime.FromMinutesSinceMidnight((int)clock));
            (clock, at) = (clock + stops[i].StopMinutes, i + 1);
        }
        return arrivals;
    }
}
