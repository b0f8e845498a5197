using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>
/// Sums a year per vehicle and month in one statement: one part per month of the window, each reading only its own
/// month's range and grouping by the vehicle, joined with <c>UNION ALL</c>. Invariant: the parts cover [starts₀, startsₙ)
/// without gap or overlap, so each row is summed in exactly one month.
/// </summary>
/// <remarks>
/// One <c>GROUP BY vehicle, CASE month</c> over the whole year was the job's cost: on 5 M bookings PostgreSQL spilled its
/// hash of 110,000 groups to disk; twelve small groups stay in memory and run in parallel there (the trips statement,
/// alternated on one database: 2.5–2.6 s against 1.1–1.3 s; SQLite 2.4–2.6 s against 1.7–1.8 s).
/// </remarks>
internal static class WindowMonths
{
    /// <summary>
    /// The parts <paramref name="month"/> builds for each month k of <paramref name="starts"/> (n + 1 instants for n months),
    /// given the month's [from, to) and k, as one query.
    /// </summary>
    public static IQueryable<T> Each<T>(IReadOnlyList<Instant> starts, Func<Instant, Instant, int, IQueryable<T>> month)
    {
        var all = month(starts[0], starts[1], 0);
        for (var k = 1; k < starts.Count - 1; k++)
        {
            all = all.Concat(month(starts[k], starts[k + 1], k));
        }
        return all;
    }
}
