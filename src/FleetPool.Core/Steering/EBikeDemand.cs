using NodaTime;

namespace FleetPool.Core.Steering;

/// <summary>
/// How many e-bikes a set of trips needs (seed 000, activity 3). <see cref="PeakConcurrent"/> is the most trips under
/// way at one instant (intervals are half-open, so a trip ending as another starts does not overlap it).
/// <see cref="FleetFor"/> simulates the pool first come, first served — trips by start, each taking any free bike,
/// else going without — and returns the fewest bikes that serve at least the given share of trips.
/// </summary>
public static class EBikeDemand
{
    /// <summary>The most intervals that overlap at any instant.</summary>
    public static int PeakConcurrent(IReadOnlyCollection<Interval> trips)
    {
        var events = trips.SelectMany(t => new[] { (At: t.Start, Delta: 1), (At: t.End, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta); // ends before starts at the same instant
        int current = 0, peak = 0;
        foreach (var (_, delta) in events)
        {
            current += delta;
            peak = Math.Max(peak, current);
        }
        return peak;
    }

    /// <summary>Trips served, first come first served, by a pool of <paramref name="bikes"/>.</summary>
    public static int Served(IReadOnlyCollection<Interval> trips, int bikes)
    {
        var freeAt = new List<Instant>(Enumerable.Repeat(Instant.MinValue, bikes));
        var served = 0;
        foreach (var trip in trips.OrderBy(t => t.Start).ThenBy(t => t.End))
        {
            var bike = freeAt.FindIndex(f => f <= trip.Start);
            if (bike >= 0)
            {
                freeAt[bike] = trip.End;
                served++;
            }
        }
        return served;
    }

    /// <summary>The fewest bikes that serve at least <paramref name="share"/> (0..1] of the trips; 0 when there are none.</summary>
    public static int FleetFor(IReadOnlyCollection<Interval> trips, double share = 0.9)
    {
        var needed = (int)Math.Ceiling(trips.Count * share - 1e-9);
        var bikes = 0;
        while (Served(trips, bikes) < needed)
        {
            bikes++;
        }
        return bikes;
    }
}
