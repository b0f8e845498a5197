using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>Settings section <c>FollowUp</c>: head counts for the per-employee figures where not every employee is a user.</summary>
public sealed class FollowUpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FollowUp";

    /// <summary>Employees per unit name (a board or department, its whole tree); a unit not listed counts its active users.</summary>
    public Dictionary<string, int> Employees { get; set; } = [];
}

/// <summary>One unit's business travel in the pool in one period: km by mode, CO2e and internal hire cost, and per employee.</summary>
public sealed record FollowUpFigures(int Employees, int Trips, double CarKm, double EBikeKm, double BikeKm, double Co2eKg, decimal CostSek)
{
    /// <summary>CO2e per employee, kg; null without employees.</summary>
    public double? Co2ePerEmployeeKg => Employees == 0 ? null : Math.Round(Co2eKg / Employees, 1);
    /// <summary>Cost per employee, SEK; null without employees.</summary>
    public decimal? CostPerEmployeeSek => Employees == 0 ? null : Math.Round(CostSek / Employees, 0);
}

/// <summary>
/// A unit's line: this period and the same period a year earlier, and the change in per cent (null when the earlier value is
/// 0 or missing). <see cref="Hidden"/>: too few trips or people to show to a department lead (<see cref="SmallGroups"/>).
/// </summary>
public sealed record FollowUpLine(UnitLevel Level, int UnitId, string Unit, FollowUpFigures? This, FollowUpFigures? Previous,
    double? Co2eChange, double? CostChange, bool Hidden);

/// <summary>The follow-up for <see cref="Year"/> (to <see cref="To"/> when the year is not over), compared with the same days a year earlier.</summary>
public sealed record TravelFollowUpReport(int Year, LocalDate From, LocalDate To, bool YearToDate, IReadOnlyList<FollowUpLine> Lines);

/// <summary>
/// The yearly follow-up of business travel in the pool, as the CERO method (KTH) and Stockholm's travel policy ask for it:
/// per unit and year, CO2e and cost per employee, km by mode and the change from the year before. Trips are counted for
/// the booker's department (its tree). Invariants: fleet managers and admins see every unit; a department lead their
/// department and its board, with small groups hidden; a year not yet begun is refused.
/// </summary>
public sealed class TravelFollowUp(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<TariffOptions> tariffs,
    IOptions<DisclosureOptions> disclosure, IOptions<FollowUpOptions> options)
{
    /// <summary>The report for a year (default: the last full year).</summary>
    public async Task<Outcome<TravelFollowUpReport>> BuildAsync(Actor actor, int? year, CancellationToken ct = default)
    {
        var today = time.DateOf(clock.GetCurrentInstant());
        var y = year ?? today.Year - 1;
        if (y > today.Year || y < 2000)
        {
            return Problem.Invalid(new FieldErrors().Add("year", Text.Get("NotAfterToday", today.Year)));
        }
        var (from, to) = (new LocalDate(y, 1, 1), y == today.Year ? today : new LocalDate(y, 12, 31));
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (own, refused) = await ReportScope.LimitAsync(db, actor, ct);
        if (refused is not null)
        {
            return refused;
        }
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var tree = new UnitTree(units);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && u.DepartmentId != null).Select(u => u.DepartmentId!.Value).ToListAsync(ct);
        var thisYear = await TripsAsync(db, from, to, ct);
        var lastYear = await TripsAsync(db, from.PlusYears(-1), to.PlusYears(-1), ct);
        var shown = own is { } d ? units.Where(u => u.Id == d || u.Id == tree.BoardOf(d)).ToList() : units;
        var lines = new List<FollowUpLine>();
        if (own is null)
        {
            lines.Add(Line(UnitLevel.Organisation, 0, "", null, _ => true, users, thisYear, lastYear, controlled: false));
        }
        foreach (var u in shown.OrderBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Ordinal))
        {
            var set = tree.SelfAndDescendants(u.Id);
            lines.Add(Line(u.Kind == OrgUnitKind.Board ? UnitLevel.Board : UnitLevel.Department, u.Id, u.Name, u.Name, set.Contains, users, thisYear, lastYear,
                SmallGroups.Applies(actor)));
        }
        return new TravelFollowUpReport(y, from, to, y == today.Year, lines);
    }

    private sealed record Trip(int Department, int Booker, VehicleKind Kind, double Km, double Co2eGrams, decimal Sek);

    private async Task<List<Trip>> TripsAsync(FleetPoolDb db, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var (start, end) = (time.StartOfDay(from), time.StartOfDay(to.PlusDays(1)));
        var rows = await (from t in ReturnedTrips.Of(db)
                          join v in db.Vehicles on t.VehicleId equals v.Id
                          join u in db.Users on t.BookerId equals u.Id
                          where t.Start >= start && t.Start < end && u.DepartmentId != null
                          select new { Department = u.DepartmentId!.Value, t.BookerId, v.Kind, v.Fuel, t.Km, t.RecordedCo2eGrams, t.Start, t.ReturnedAt }).ToListAsync(ct);
        return rows.ConvertAll(r => new Trip(r.Department, r.BookerId, r.Kind, r.Km, r.RecordedCo2eGrams ?? r.Km * FuelCatalog.For(r.Kind, r.Fuel).GramsCo2ePerKm,
            tariffs.Value.ByKind.TryGetValue(r.Kind, out var tariff) ? tariff.For(r.ReturnedAt - r.Start, r.Km) : 0m));
    }

    private FollowUpLine Line(UnitLevel level, int id, string name, string? configuredName, Func<int, bool> inUnit, List<int> userDepartments,
        List<Trip> thisYear, List<Trip> lastYear, bool controlled)
    {
        var employees = configuredName is not null && options.Value.Employees.TryGetValue(configuredName, out var n) ? n
            : level == UnitLevel.Organisation && options.Value.Employees.TryGetValue("", out var all) ? all
            : userDepartments.Count(inUnit);
        var (now, before) = (thisYear.Where(t => inUnit(t.Department)).ToList(), lastYear.Where(t => inUnit(t.Department)).ToList());
        var hidden = controlled && SmallGroups.CheckGroup(new GroupCell(now.Count, now.Select(t => t.Booker).Distinct().Count()), disclosure.Value) is not null;
        if (hidden)
        {
            return new FollowUpLine(level, id, name, null, null, null, null, true);
        }
        var (a, b) = (Figures(employees, now), before.Count == 0 ? null : Figures(employees, before));
        return new FollowUpLine(level, id, name, a, b, Change(a.Co2eKg, b?.Co2eKg), Change((double)a.CostSek, (double?)b?.CostSek), false);
    }

    private static FollowUpFigures Figures(int employees, List<Trip> trips) => new(employees, trips.Count,
        Math.Round(trips.Where(t => t.Kind.IsMotorVehicle()).Sum(t => t.Km), 0), Math.Round(trips.Where(t => t.Kind == VehicleKind.EBike).Sum(t => t.Km), 0),
        Math.Round(trips.Where(t => t.Kind is VehicleKind.Bike or VehicleKind.CargoBike).Sum(t => t.Km), 0),
        Math.Round(trips.Sum(t => t.Co2eGrams) / 1000, 1), trips.Sum(t => t.Sek));

    private static double? Change(double now, double? before) => before is { } b && b > 0 ? Math.Round((now - b) / b * 100, 1) : null;
}
