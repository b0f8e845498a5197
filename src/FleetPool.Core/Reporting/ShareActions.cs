using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Sustainability;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>A fossil car or van whose replacement by an electric one gains most: its last 12 months' km and the CO2e saved.</summary>
public sealed record ReplacementGain(int VehicleId, string Name, string? Registration, FuelType Fuel, double Km, double SavedKg, bool CountsOfficially);

/// <summary>
/// "What you can do", from a unit's data: the fossil vehicles whose replacement gains most (up to three), the HVO100-approved
/// diesels still run on diesel with the CO2e HVO100 would save, and the short car trips of the last 90 days a bike could
/// have taken (null when too few to show, <see cref="SmallGroups"/>).
/// </summary>
public sealed record ShareActionList(IReadOnlyList<ReplacementGain> Replace, int ApprovedDiesels, double ApprovedDieselKm, double HvoSavedKg,
    int? ShortCarTripsForBike, int Days);

/// <summary>
/// Builds a unit's <see cref="ShareActionList"/>. Invariants: the same access as the share report (<see cref="ReportScope"/>);
/// vehicles only, never a person; the trip count comes from the steering report, so its disclosure control applies.
/// </summary>
public sealed class ShareActions(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, SteeringReports steering)
{
    /// <summary>The actions for a unit (null: the organisation for fleet managers, the own department for a lead).</summary>
    public async Task<Outcome<ShareActionList>> BuildAsync(Actor actor, int? unitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tree = new UnitTree(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        var (own, refused) = await ReportScope.LimitAsync(db, actor, ct);
        if (refused is not null || !ReportScope.MaySee(tree, own, unitId))
        {
            return refused ?? Problem.Forbidden();
        }
        unitId ??= own;
        var units = unitId is { } u ? tree.SelfAndDescendants(u) : null;
        var cars = (await db.Vehicles.AsNoTracking().Where(v => v.Status != VehicleStatus.Retired).ToListAsync(ct))
            .Where(v => v.Kind.IsMotorVehicle() && !v.IsFossilIndependent && (units is null || units.Contains(v.DepartmentId))).ToList();
        var ids = cars.Select(c => c.Id).ToList();
        var yearAgo = time.StartOfDay(time.DateOf(clock.GetCurrentInstant()).PlusYears(-1));
        var km = await ReturnedTrips.Of(db).Where(t => ids.Contains(t.VehicleId) && t.ReturnedAt >= yearAgo)
            .GroupBy(t => t.VehicleId).Select(g => new { g.Key, Km = g.Sum(t => t.Km) }).ToDictionaryAsync(g => g.Key, g => g.Km, ct);
        var replace = cars.Select(c => new ReplacementGain(c.Id, c.Name, c.Registration, c.Fuel!.Value, Math.Round(km.GetValueOrDefault(c.Id), 0),
                Math.Round(PhaseOut.SavedKg(c, km.GetValueOrDefault(c.Id), FuelType.Electric), 0), FossilIndependence.Counts(c, ShareDefinition.Official)))
            .OrderBy(g => g.CountsOfficially).ThenByDescending(g => g.SavedKg).Take(3).ToList();
        var approved = cars.Where(c => c.Fuel == FuelType.Diesel && c.ApprovedFuels.Contains(FuelType.Hvo100)).ToList();
        var approvedKm = approved.Sum(c => km.GetValueOrDefault(c.Id));
        var trips = (await steering.BuildAsync(actor, null, null, unitId, ct)).Value;
        return new ShareActionList(replace, approved.Count, Math.Round(approvedKm, 0),
            Math.Round(approved.Sum(c => PhaseOut.SavedKg(c, km.GetValueOrDefault(c.Id), FuelType.Hvo100)), 0),
            trips?.TripsAdviceWouldMove, SteeringReports.DefaultDays);
    }
}
