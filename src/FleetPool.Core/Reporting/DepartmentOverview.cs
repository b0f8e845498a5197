using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>Trips and km of one mode (vehicle kind) in a period.</summary>
public sealed record ModeUsage(VehicleKind Kind, int Trips, double Km);

/// <summary>
/// A department at a glance for its lead: its vehicles and this month's completed trips by its staff, by mode.
/// Invariant: aggregates only; no row names a person or a single trip.
/// </summary>
public sealed record DepartmentOverviewView(string Department, string Board, int Vehicles, int Cars, int FossilFreeCars,
    IReadOnlyList<ModeUsage> ThisMonth)
{
    /// <summary>Completed trips this month.</summary>
    public int Trips => ThisMonth.Sum(m => m.Trips);

    /// <summary>Share of this month's trips taken by bike, e-bike or cargo bike, 0..1.</summary>
    public double BikeShare => Trips == 0 ? 0 : (double)ThisMonth.Where(m => !m.Kind.IsMotorVehicle()).Sum(m => m.Trips) / Trips;
}

/// <summary>Builds the lead's overview of their own department (the one on their user record).</summary>
public sealed class DepartmentOverview(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time)
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
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => v.DepartmentId == unit.Id && v.Status != VehicleStatus.Retired)
            .Select(v => new { v.Kind, v.Fuel }).ToListAsync(ct);
        var cars = vehicles.Where(v => v.Kind.IsMotorVehicle()).ToList();
        var now = clock.GetCurrentInstant();
        var today = time.DateOf(now);
        var monthStart = time.StartOfDay(new LocalDate(today.Year, today.Month, 1));
        var trips = await (from b in db.Bookings.AsNoTracking()
                           join u in db.Users on b.BookerId equals u.Id
                           join v in db.Vehicles on b.VehicleId equals v.Id
                           where u.DepartmentId == unit.Id && b.Status == BookingStatus.Returned && b.Start >= monthStart && b.Start < now
                           select new { v.Kind, b.OdometerOutKm, b.OdometerInKm, b.DistanceKm }).ToListAsync(ct);
        var byMode = trips.GroupBy(t => t.Kind).OrderBy(g => g.Key)
            .Select(g => new ModeUsage(g.Key, g.Count(), g.Sum(t => (double?)(t.OdometerInKm - t.OdometerOutKm) ?? 2 * (t.DistanceKm ?? 0))))
            .ToList();
        return new DepartmentOverviewView(unit.Name, unit.Parent?.Name ?? "", vehicles.Count, cars.Count,
            cars.Count(c => FuelCatalog.For(c.Kind, c.Fuel).FossilIndependent), byMode);
    }
}
