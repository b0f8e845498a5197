using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>The fleet today, as a fleet manager starts the day: what is bookable, what is out, what needs attention.</summary>
public sealed record FleetDay(int Bookable, int InWorkshop, int OutNow, int PickUpsToday, int OpenDamageReports);

/// <summary>Reads <see cref="FleetDay"/>. Invariant: only fleet managers and admins see it (the counts cover every department).</summary>
public sealed class FleetToday(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time)
{
    /// <summary>Today's counts, in the organisation's day.</summary>
    public async Task<Outcome<FleetDay>> ForAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetCurrentInstant();
        var (from, to) = (time.StartOfDay(time.DateOf(now)), time.StartOfDay(time.DateOf(now).PlusDays(1)));
        var statuses = await db.Vehicles.AsNoTracking().GroupBy(v => v.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new FleetDay(
            statuses.Where(s => s.Key == VehicleStatus.Active).Sum(s => s.Count),
            statuses.Where(s => s.Key == VehicleStatus.Maintenance).Sum(s => s.Count),
            await db.Bookings.CountAsync(b => b.Status == BookingStatus.CheckedOut, ct),
            await db.Bookings.CountAsync(b => b.Status == BookingStatus.Reserved && b.Start >= from && b.Start < to, ct),
            await db.DamageReports.CountAsync(d => d.ResolvedAt == null, ct));
    }
}
