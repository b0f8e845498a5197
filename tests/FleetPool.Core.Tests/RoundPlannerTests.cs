using FleetPool.Core.Steering;
using NodaTime;

namespace FleetPool.Core.Tests;

public class RoundPlannerTests
{
    // Points on a plane, km apart by Pythagoras: hand-computable rounds.
    private sealed class Plane : IDistanceEstimator
    {
        public double RoadKm(GeoPoint from, GeoPoint to) => Math.Sqrt(Math.Pow(to.Latitude - from.Latitude, 2) + Math.Pow(to.Longitude - from.Longitude, 2));
    }

    private static readonly GeoPoint Site = new(0, 0);
    private static RoundStop At(double x, double y, LocalTime? from = null, LocalTime? to = null) => new(new GeoPoint(x, y), from, to);

    [Fact]
    public void Plan_SquareTypedCrosswise_AroundTheSquareSaves0Point83Km()
    {
        // Typed (1,1), (0,1), (1,0): √2 + 1 + √2 + 1 = 4.83 km; around the square: 4 km.
        var plan = new RoundPlanner(new Plane()).Plan(Site, [At(1, 1), At(0, 1), At(1, 0)]);

        Assert.Equal((4.0, 4.83, 0.83), (plan.Km, plan.TypedKm, plan.SavedKm));
        Assert.Equal(0, plan.Order[1]); // (1,1), typed first, in the middle, either direction
        Assert.True(plan.Feasible);
    }

    [Fact]
    public void Plan_LineTypedOutOfOrder_InOrderSaves2Km()
    {
        var plan = new RoundPlanner(new Plane()).Plan(Site, [At(3, 0), At(1, 0), At(2, 0)]);

        Assert.Equal((6.0, 8.0, 2.0), (plan.Km, plan.TypedKm, plan.SavedKm)); // 3 + 2 + 1 + 2 typed
        Assert.True(plan.Order.SequenceEqual([1, 2, 0]) || plan.Order.SequenceEqual([0, 2, 1]), string.Join(",", plan.Order)); // along the line, either way
    }

    [Fact]
    public void Plan_TypedOrderAlreadyBest_KeptNothingSaved()
    {
        var plan = new RoundPlanner(new Plane()).Plan(Site, [At(1, 0), At(2, 0)]);
        Assert.Equal([0, 1], plan.Order);
        Assert.Equal(0.0, plan.SavedKm);
    }

    [Fact]
    public void Plan_WindowOnTheLastCorner_VisitedFirstArrivalsByTheMinute()
    {
        // 60 km/h: a km a minute. (1,0) must be reached by 09:01, so the round goes that way round.
        var plan = new RoundPlanner(new Plane()).Plan(Site, [At(0, 1), At(1, 1), At(1, 0, to: new LocalTime(9, 1))], new LocalTime(9, 0), averageKmh: 60);

        Assert.Equal([2, 1, 0], plan.Order);
        Assert.Equal([new LocalTime(9, 1), new LocalTime(9, 2), new LocalTime(9, 3)], plan.Arrivals);
        Assert.Equal(4.0, plan.Km);
    }

    [Fact]
    public void Plan_WindowThatCannotBeMet_NotFeasibleTypedOrderKept()
    {
        var plan = new RoundPlanner(new Plane()).Plan(Site, [At(10, 0, to: new LocalTime(9, 5)), At(1, 0)], new LocalTime(9, 0), averageKmh: 60);

        Assert.False(plan.Feasible);
        Assert.Equal([0, 1], plan.Order);
    }

    [Fact]
    public void Plan_TwelveHomeCareStops_ShortestRound()
    {
        // Twelve places around Huddinge (the demo's and nearby), typed in a poor order; the exact optimum by Held–Karp.
        GeoPoint[] places =
        [
            new(59.2220, 17.9380), new(59.2536, 17.9967), new(59.2260, 18.1280), new(59.2646, 17.8838), new(59.2420, 17.9880), new(59.2820, 17.9530),
            new(59.2180, 18.1210), new(59.2175, 17.9465), new(59.2050, 17.9030), new(59.2450, 18.0100), new(59.2300, 18.0500), new(59.2700, 18.0200),
        ];
        var roads = new HaversineDistance(Microsoft.Extensions.Options.Options.Create(new SteeringOptions()));
        var site = new GeoPoint(59.2366, 17.9813);

        // Correctness only: how long it takes belongs in the benchmarks (a wall-clock limit here failed CI under load).
        var plan = new RoundPlanner(roads).Plan(site, places.Select(p => new RoundStop(p)).ToList());

        Assert.Equal(12, plan.Order.Distinct().Count());
        Assert.Equal(Math.Round(HeldKarp(site, places, roads), 2), plan.Km, 2);
        Assert.True(plan.SavedKm > 0, $"typed {plan.TypedKm} km, planned {plan.Km} km");
    }

    // The exact shortest round through every point and back (dynamic programming over subsets).
    private static double HeldKarp(GeoPoint site, GeoPoint[] points, HaversineDistance roads)
    {
        var n = points.Length;
        var best = new double[1 << n, n];
        for (var mask = 0; mask < 1 << n; mask++)
        {
            for (var last = 0; last < n; last++)
            {
                best[mask, last] = double.MaxValue;
            }
        }
        for (var i = 0; i < n; i++)
        {
            best[1 << i, i] = roads.RoadKm(site, points[i]);
        }
        for (var mask = 1; mask < 1 << n; mask++)
        {
            for (var last = 0; last < n; last++)
            {
                if ((mask & (1 << last)) == 0 || best[mask, last] == double.MaxValue)
                {
                    continue;
                }
                for (var next = 0; next < n; next++)
                {
                    if ((mask & (1 << next)) == 0)
                    {
                        var m = mask | (1 << next);
                        best[m, next] = Math.Min(best[m, next], best[mask, last] + roads.RoadKm(points[last], points[next]));
                    }
                }
            }
        }
        return Enumerable.Range(0, n).Min(last => best[(1 << n) - 1, last] + roads.RoadKm(points[last], site));
    }
}
