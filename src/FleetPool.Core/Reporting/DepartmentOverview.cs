using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>Trips and km of one mode (vehicle kind) in a period; null when too few to show (<see cref="SmallGroups"/>).</summary>
public sealed record ModeUsage(VehicleKind Kind, int? Trips, double? Km);

/// <summary>
/// A department at a glance for its lead: its vehicles (fossil-free by the headline definition) and the last <see cref="Days"/> days' completed trips by its staff,
/// by mode. Invariant: aggregates only, disclosure-controlled: <see cref="Trips"/> and <see cref="BikeShare"/> are null
/// and <see cref="Recent"/> empty when the whole group is too small to show without identifying someone.
/// </summary>
public sealed record DepartmentOverviewView(string Department, string Board, int Vehicles, int Cars, int FossilFreeCars,
    IReadOnlyList<ModeUsage> Recent, int? Trips, double? BikeShare, int Days);

/// <summary>Builds the lead's overview of their own department (the one on their user record).</summary>
public sealed class DepartmentOverview(IDbContextFactory<FleetPoolDb> dbs, IClock clock,
    Microsoft.Extensions.Options.IOptions<DisclosureOptions> disclosure, Microsoft.Extensions.Options.IOptions<FleetShareOptions> share)
{
    /// <summary>The overview, or forbidden for anyone who is not a department lead with a department.</summary>
    public async Task<Outcome<DepartmentOverviewView>> ForLeadAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(Roles.DepartmentLead))
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var department = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DepartmentId).SingleAsync(ct);
        var unit = await db.OrgUnits.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == department, ct);
        if (unit is null)
        {
            return Problem.Forbidden();
        }
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => v.DepartmentId == unit.Id && v.Status != VehicleStatus.Retired).ToListAsync(ct);
        var cars = vehicles.Where(v => v.Kind.IsMotorVehicle()).ToList();
        var now = clock.GetCurrentInstant();
        var days = Math.Max(30, disclosure.Value.MinPeriodDays);
        var since = now - Duration.FromDays(days);
        var trips = await (from b in db.Bookings.AsNoTracking()
                           join u in db.Users on b.BookerId equals u.Id
                           join v in db.Vehicles on b.VehicleId equals v.Id
                           where u.DepartmentId == unit.Id && b.Status == BookingStatus.Returned && b.Start >= since && b.Start < now
                           select new { v.Kind, b.OdometerOutKm, b.OdometerInKm, b.DistanceKm, b.BookerId }).ToListAsync(ct);
        var (fossilFree, total) = (cars.Count(c => Sustainability.FossilIndependence.Counts(c, share.Value.Definition)), trips.Count);
        if (SmallGroups.CheckGroup(new GroupCell(total, trips.Select(t => t.BookerId).Distinct().Count()), disclosure.Value) is not null)
        {
            return new DepartmentOverviewView(unit.Name, unit.Parent?.Name ?? "", vehicles.Count, cars.Count, fossilFree, [], null, null, days);
        }
        var modes = trips.GroupBy(t => t.Kind).OrderBy(g => g.Key).ToList();
        var hidden = SmallGroups.Hidden(modes.Select(g => new GroupCell(g.Count(), g.Select(t => t.BookerId).Distinct().Count())).ToList(), disclosure.Value);
        var byMode = modes.Select((g, i) => hidden[i] ? new ModeUsage(g.Key, null, null)
            : new ModeUsage(g.Key, g.Count(), g.Sum(t => (double?)(t.OdometerInKm - t.OdometerOutKm) ?? 2 * (t.DistanceKm ?? 0)))).ToList();
        var bikes = trips.Count(t => !t.Kind.IsMotorVehicle());
        return new DepartmentOverviewView(unit.Name, unit.Parent?.Name ?? "", vehicles.Count, cars.Count, fossilFree, byMode, total, total == 0 ? 0 : (double)bikes / total, days);
    }
}
