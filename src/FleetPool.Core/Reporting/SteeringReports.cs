using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>Short trips of one mode ("bike", "eBike" or "car") in the period: count and round-trip km (null: too few to show, <see cref="SmallGroups"/>).</summary>
public sealed record ShortTripMode(string Mode, int? Trips, double? Km);

/// <summary>How often a car reason was given for a short car trip ("other" for free text); null: too few to show.</summary>
public sealed record CarReasonCount(string Reason, int? Trips);

/// <summary>
/// E-bike need at one site: short car trips in the period, those an e-bike could have taken (no passengers, equipment
/// or health reason), the trips its e-bikes already made, the most of those two under way at once, and the e-bikes that
/// would have served 90 % of them.
/// </summary>
public sealed record EBikeNeed(int SiteId, string Site, int ShortCarTrips, int EBikeTrips, int ExistingEBikeTrips, int PeakConcurrent,
    int EBikesFor90Percent, int EBikesNow);

/// <summary>
/// The steering report for a period (local dates, inclusive; by default the last <see cref="SteeringReports.DefaultDays"/>
/// days including today) and optionally one unit: a department with its sub-departments, or a board with everything under
/// it (the bookers' departments, the same unit tree as the share report). Short trips
/// are those whose one-way distance is within the e-bike threshold; only trips actually taken count (checked out or
/// returned). Invariant: aggregates only, no person named; for a department lead, small cells are hidden and the e-bike
/// inventory (a fleet manager's planning tool, per site) is left out (<see cref="SmallGroups"/>).
/// </summary>
public sealed record SteeringReport(LocalDate From, LocalDate To, int? DepartmentId, string? Department, int ShortTrips,
    IReadOnlyList<ShortTripMode> ByMode, double BikeShare, IReadOnlyList<CarReasonCount> CarReasons, double Co2eAvoidedKg,
    int? TripsAdviceWouldMove, double? ShareAdviceWouldMove, IReadOnlyList<EBikeNeed> Inventory);

/// <summary>
/// Builds <see cref="SteeringReport"/>s. Invariants: fleet managers and admins see any unit or all; a department
/// lead sees their own department or its board (<see cref="ReportScope.MaySee"/>); others are refused. CO2e avoided compares each bike trip with the average
/// g/km of the active cars at its site (the reference car when the site has none).
/// </summary>
public sealed class SteeringReports(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<SteeringOptions> options,
    IOptions<DisclosureOptions> disclosure)
{
    /// <summary>The default period in days, today included.</summary>
    public const int DefaultDays = 90;

    /// <summary>The report, or forbidden / invalid.</summary>
    public async Task<Outcome<SteeringReport>> BuildAsync(Actor actor, LocalDate? from, LocalDate? to, int? departmentId, CancellationToken ct = default)
    {
        var today = time.DateOf(clock.GetCurrentInstant());
        var (first, last, invalid) = ReportScope.Period(from, to, today.PlusDays(-(DefaultDays - 1)), today);
        if (invalid is not null)
        {
            return invalid;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (own, refused) = await ReportScope.LimitAsync(db, actor, ct);
        var tree = new UnitTree(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        if (refused is not null || !ReportScope.MaySee(tree, own, departmentId))
        {
            return refused ?? Problem.Forbidden();
        }
        var controlled = SmallGroups.Applies(actor);
        if (controlled && SmallGroups.CheckPeriod(first, last, disclosure.Value) is { } tooShort)
        {
            return tooShort;
        }
        departmentId ??= own;
        var units = departmentId is { } unitId ? tree.SelfAndDescendants(unitId).ToList() : [];
        var department = departmentId is { } d ? await db.OrgUnits.Where(u => u.Id == d).Select(u => u.Name).SingleOrDefaultAsync(ct) : null;
        if (departmentId is not null && department is null)
        {
            return Problem.Invalid(new FieldErrors().Add("department", Text.Get("NoDepartment")));
        }
        var o = options.Value;
        var (start, end) = (time.StartOfDay(first), time.StartOfDay(last.PlusDays(1)));
        var trips = await (from b in db.Bookings.AsNoTracking()
                           join u in db.Users on b.BookerId equals u.Id
                           join v in db.Vehicles on b.VehicleId equals v.Id
                           where (b.Status == BookingStatus.Returned || b.Status == BookingStatus.CheckedOut)
                               && b.Start >= start && b.Start < end && b.DistanceKm != null && b.DistanceKm <= o.EBikeMaxKm
                               && (departmentId == null || u.DepartmentId != null && units.Contains(u.DepartmentId.Value))
                           select new { b.Start, b.End, b.DistanceKm, b.CarReason, v.Kind, v.SiteId, b.BookerId }).ToListAsync(ct);
        if (controlled && SmallGroups.CheckGroup(new GroupCell(trips.Count, trips.Select(t => t.BookerId).Distinct().Count()), disclosure.Value) is { } tooSmall)
        {
            return tooSmall;
        }
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var fleet = await db.Vehicles.AsNoTracking().Where(v => v.Status == VehicleStatus.Active).Select(v => new { v.SiteId, v.Kind, v.Fuel }).ToListAsync(ct);
        var carGrams = fleet.Where(v => v.Kind.IsMotorVehicle()).GroupBy(v => v.SiteId)
            .ToDictionary(g => g.Key, g => g.Average(v => FuelCatalog.For(v.Kind, v.Fuel).GramsCo2ePerKm));
        var reference = FuelCatalog.Of(o.ReferenceCarFuel).GramsCo2ePerKm;

        static string Mode(VehicleKind kind) => kind switch { VehicleKind.EBike => "eBike", VehicleKind.Bike or VehicleKind.CargoBike => "bike", _ => "car" };
        var modes = trips.GroupBy(t => Mode(t.Kind)).OrderBy(g => g.Key == "car").ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var hideMode = Hide(modes.Select(g => Cell(g.Count(), g.Select(t => t.BookerId))).ToList());
        var byMode = modes.Select((g, i) => hideMode[i] ? new ShortTripMode(g.Key, null, null)
            : new ShortTripMode(g.Key, g.Count(), Math.Round(g.Sum(t => 2 * t.DistanceKm!.Value), 1))).ToList();
        var cars = trips.Where(t => t.Kind.IsMotorVehicle()).ToList();
        var reasonGroups = cars.GroupBy(t => t.CarReason is { } r && Steering.CarReasons.Codes.Contains(r) ? r : t.CarReason is null ? "none" : "other")
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var hideReason = Hide(reasonGroups.Select(g => Cell(g.Count(), g.Select(t => t.BookerId))).ToList());
        var reasons = reasonGroups.Select((g, i) => new CarReasonCount(g.Key, hideReason[i] ? null : g.Count())).ToList();
        var avoided = trips.Where(t => !t.Kind.IsMotorVehicle())
            .Sum(t => 2 * t.DistanceKm!.Value * (carGrams.GetValueOrDefault(t.SiteId, reference) - FuelCatalog.For(t.Kind, FuelType.Electric).GramsCo2ePerKm));
        var movable = cars.Where(t => t.CarReason is null || !Steering.CarReasons.BikeImpossible.Contains(t.CarReason)).ToList();
        var inventory = controlled ? [] : sites.Select(s =>
        {
            // The need is the movable car trips plus the trips the site's e-bikes already make: both want an e-bike.
            var movableHere = movable.Where(t => t.SiteId == s.Id).ToList();
            var eBikeHere = trips.Where(t => t.SiteId == s.Id && t.Kind == VehicleKind.EBike).ToList();
            var demand = movableHere.Concat(eBikeHere).Select(t => new Interval(t.Start, t.End)).ToList();
            return new EBikeNeed(s.Id, s.Name, cars.Count(t => t.SiteId == s.Id), movableHere.Count, eBikeHere.Count, EBikeDemand.PeakConcurrent(demand),
                EBikeDemand.FleetFor(demand, 0.9), fleet.Count(v => v.SiteId == s.Id && v.Kind == VehicleKind.EBike));
        }).ToList();
        bool[] Hide(IReadOnlyList<GroupCell> cells) => controlled ? SmallGroups.Hidden(cells, disclosure.Value) : new bool[cells.Count];
        var bikeTrips = trips.Count(t => !t.Kind.IsMotorVehicle());
        // The movable car trips and the rest of the car trips are two cells of their own: either small hides the figure.
        var fixedCars = cars.Except(movable).ToList();
        var hideMovable = Hide([Cell(movable.Count, movable.Select(t => t.BookerId)), Cell(fixedCars.Count, fixedCars.Select(t => t.BookerId))])
            .Where((hidden, i) => hidden && (i == 0 ? movable.Count : fixedCars.Count) > 0).Any();
        return new SteeringReport(first, last, departmentId, department, trips.Count, byMode,
            trips.Count == 0 ? 0 : (double)bikeTrips / trips.Count, reasons, Math.Round(avoided / 1000, 1),
            hideMovable ? null : movable.Count, hideMovable ? null : trips.Count == 0 ? 0 : (double)movable.Count / trips.Count, inventory);
    }

    private static GroupCell Cell(int trips, IEnumerable<int> people) => new(trips, people.Distinct().Count());
}
