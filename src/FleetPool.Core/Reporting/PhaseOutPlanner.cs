using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Sustainability;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>The plan: fossil vehicles ranked by the CO2e a replacement saves, the month-end projection, and when it meets the headline target.</summary>
public sealed record PhaseOutPlan(double CurrentShare, double TargetShare, LocalDate TargetBy, IReadOnlyList<PhaseOutCandidate> Candidates,
    IReadOnlyList<ProjectedShare> Projection, LocalDate? ReachesTargetOn);

/// <summary>
/// The phase-out planner for fleet managers (whole fleet): every car or van that runs on a fossil fuel, shares by the
/// headline definition (<see cref="FleetShareOptions.Definition"/>). Invariants: only fleet managers and admins see or change it; a
/// planned retirement lies in the future; a replacement is fossil-independent (none = remove without replacement);
/// only fossil cars and vans are planned here.
/// </summary>
public sealed class PhaseOutPlanner(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<FleetShareOptions> options)
{
    /// <summary>The ranked candidates and the projection to the last vehicle-count target's date.</summary>
    public async Task<Outcome<PhaseOutPlan>> BuildAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        var now = clock.GetCurrentInstant();
        var today = time.DateOf(now);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var cars = (await db.Vehicles.AsNoTracking().Where(v => v.Status != VehicleStatus.Retired).ToListAsync(ct)).Where(v => v.Kind.IsMotorVehicle()).ToList();
        var departments = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var (yearAgo, quarterAgo) = (time.StartOfDay(today.PlusYears(-1)), now - Duration.FromDays(90));
        var ids = cars.Where(c => !c.IsFossilIndependent).Select(c => c.Id).ToList();
        // A year of trips is summed per car in SQL; only the last 90 days' trips come back one by one, for the hours in use.
        var trips = ReturnedTrips.Of(db).Where(t => ids.Contains(t.VehicleId));
        var year = await trips.Where(t => t.ReturnedAt >= yearAgo)
            .GroupBy(t => t.VehicleId).Select(g => new { g.Key, Trips = g.Count(), Km = g.Sum(t => t.Km) })
            .ToDictionaryAsync(g => g.Key, ct);
        // Stryker disable once Equality : a trip back exactly at the window's start has no hours in it, so > and >= agree.
        var recent = (await trips.Where(t => t.ReturnedAt > quarterAgo).Select(t => new { t.VehicleId, t.Start, t.ReturnedAt }).ToListAsync(ct))
            .ToLookup(t => t.VehicleId);
        var definition = options.Value.Definition;
        var (total, fossilFree) = (cars.Count, cars.Count(c => FossilIndependence.Counts(c, definition)));
        var candidates = cars.Where(c => !c.IsFossilIndependent).Select(c =>
        {
            var (count, km) = year.TryGetValue(c.Id, out var y) ? (y.Trips, y.Km) : (0, 0.0);
            var utilisation = PhaseOut.Utilisation(recent[c.Id].Select(t => (t.Start, t.ReturnedAt)), quarterAgo);
            var advice = PhaseOut.Advise(c, utilisation, options.Value.LowUtilisation);
            var replacement = c.ReplacementFuel ?? PhaseOut.ReplacementFor(advice) ?? FuelType.Electric;
            var saved = PhaseOut.SavedKg(c, km, replacement);
            // An HVO100-approved diesel already counts officially: removing or refuelling it does not move that share.
            var counted = FossilIndependence.Counts(c, definition);
            return new PhaseOutCandidate(c.Id, c.Name, c.Registration, departments.GetValueOrDefault(c.DepartmentId, ""), c.Fuel!.Value,
                count, Math.Round(km, 1), Math.Round(utilisation, 3), PhaseOut.ShareIfRemoved(total, fossilFree, counted),
                PhaseOut.ShareIfReplaced(total, fossilFree, counted), Math.Round(saved, 1), advice, c.PlannedRetirementOn, c.ReplacementFuel);
        }).OrderByDescending(c => c.Co2eSavedKgIfReplaced).ThenBy(c => c.Utilisation).ToList();
        var target = options.Value.Targets.Where(t => t.Metric == TargetMetric.FossilIndependentShare).OrderBy(t => t.Deadline).FirstOrDefault()
            ?? new FleetTarget { Name = "", Share = 1, By = today.PlusYears(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        var horizon = options.Value.Targets.Select(t => t.Deadline).Append(today.PlusMonths(24)).Max();
        var projection = PhaseOut.Project(cars, today, horizon, definition);
        var reaches = projection.FirstOrDefault(p => TargetEvaluation.IsMet(p.Share, target.Share))?.Month;
        return new PhaseOutPlan(total == 0 ? 0 : (double)fossilFree / total, target.Share, target.Deadline, candidates, projection, reaches);
    }

    /// <summary>Sets (or clears, with a null date) a fossil vehicle's planned retirement and its replacement fuel.</summary>
    public async Task<Outcome<int>> PlanAsync(Actor actor, int vehicleId, LocalDate? retireOn, FuelType? replacement, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        var today = time.DateOf(clock.GetCurrentInstant());
        var errors = new FieldErrors()
            .AddIf(retireOn is { } d && d <= today, "plannedRetirementOn", Text.Get("PlanInFuture"))
            .AddIf(replacement is { } f && !FuelCatalog.IsFossilIndependent(f), "replacementFuel", Text.Get("ReplacementFossilFree"))
            .AddIf(retireOn is null && replacement is not null, "plannedRetirementOn", Text.Get("Required"));
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var vehicle = await db.Vehicles.FindAsync([vehicleId], ct);
        if (vehicle is null)
        {
            return Problem.NotFound("Vehicle");
        }
        if (!vehicle.Kind.IsMotorVehicle() || vehicle.IsFossilIndependent || vehicle.Status == VehicleStatus.Retired)
        {
            return Problem.Refused("vehicleId", Text.Get("PlanOnlyFossil"));
        }
        (vehicle.PlannedRetirementOn, vehicle.ReplacementFuel) = (retireOn, replacement);
        await db.SaveChangesAsync(ct);
        return vehicle.Id;
    }
}
