using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>The internal hire tariff of one vehicle kind, SEK.</summary>
public sealed class Tariff
{
    /// <summary>Per started hour.</summary>
    public decimal PerHour { get; set; }
    /// <summary>Per started day (24 h); caps the hourly charge.</summary>
    public decimal PerDay { get; set; }
    /// <summary>Per km driven.</summary>
    public decimal PerKm { get; set; }

    /// <summary>
    /// The charge for a hire: the cheaper of started hours × <see cref="PerHour"/> and started days × <see cref="PerDay"/>,
    /// plus km × <see cref="PerKm"/>. Example (95/h, 450/day, 1/km): 3 h and 42 km = 285 + 42 = 327 SEK.
    /// </summary>
    public decimal For(Duration hired, double km)
    {
        var hours = (decimal)Math.Ceiling(Math.Max(0, hired.TotalHours) - 1e-9);
        var days = Math.Ceiling(hours / 24);
        return Math.Min(hours * PerHour, days * PerDay) + Math.Round((decimal)km * PerKm, 2);
    }
}

/// <summary>Settings section <c>Tariffs</c>: internal hire per vehicle kind (defaults: cars and vans 95 SEK/h, 450 SEK/day, 1 SEK/km; bikes free).</summary>
public sealed class TariffOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Tariffs";

    /// <summary>Tariff per kind; a kind not listed is free.</summary>
    public Dictionary<VehicleKind, Tariff> ByKind { get; set; } = new()
    {
        [VehicleKind.Car] = new Tariff { PerHour = 95, PerDay = 450, PerKm = 1 },
        [VehicleKind.Van] = new Tariff { PerHour = 95, PerDay = 450, PerKm = 1 },
    };

    /// <summary>The charge for hiring a vehicle of this kind (0 for a kind without a tariff).</summary>
    public decimal Charge(VehicleKind kind, Duration hired, double km) => ByKind.TryGetValue(kind, out var tariff) ? tariff.For(hired, km) : 0m;
}

/// <summary>Hire cost of one department or cost centre in a period; the figures are null when too few to show (<see cref="SmallGroups"/>).</summary>
public sealed record CostLine(string Key, string Name, int? Bookings, double? Km, decimal? Sek);

/// <summary>The period's internal hire cost per department and per cost centre (returned trips).</summary>
public sealed record CostReport(LocalDate From, LocalDate To, decimal TotalSek, IReadOnlyList<CostLine> ByDepartment, IReadOnlyList<CostLine> ByCostCentre);

/// <summary>
/// Internal hire cost from the tariffs. Invariants: a trip is charged from its start to its return; fleet managers and
/// admins see all; a department lead sees only their own department's lines, disclosure-controlled (<see cref="SmallGroups"/>);
/// others are refused.
/// </summary>
public sealed class HireCosts(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<TariffOptions> tariffs,
    IOptions<DisclosureOptions> disclosure)
{
    /// <summary>The cost report for the period (default: the last 12 months).</summary>
    public async Task<Outcome<CostReport>> BuildAsync(Actor actor, LocalDate? from, LocalDate? to, CancellationToken ct = default)
    {
        var today = time.DateOf(clock.GetCurrentInstant());
        var (first, last, invalid) = ReportScope.Period(from, to, today.PlusYears(-1).PlusDays(1), today);
        if (invalid is not null)
        {
            return invalid;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (only, refused) = await ReportScope.LimitAsync(db, actor, ct);
        if (refused is not null)
        {
            return refused;
        }
        var controlled = SmallGroups.Applies(actor);
        if (controlled && SmallGroups.CheckPeriod(first, last, disclosure.Value) is { } tooShort)
        {
            return tooShort;
        }
        var (start, end) = (time.StartOfDay(first), time.StartOfDay(last.PlusDays(1)));
        var trips = await (from t in ReturnedTrips.Of(db)
                           join v in db.Vehicles on t.VehicleId equals v.Id
                           join c in db.CostCenters on t.CostCenterId equals c.Id
                           join u in db.Users on t.BookerId equals u.Id
                           join d in db.OrgUnits on u.DepartmentId equals d.Id into ds
                           from d in ds.DefaultIfEmpty()
                           where t.Start >= start && t.Start < end && (only == null || u.DepartmentId == only)
                           select new { t.Start, t.ReturnedAt, t.Km, v.Kind, c.Code, CostName = c.Name, t.BookerId,
                               DepartmentId = u.DepartmentId, Department = d == null ? null : d.Name }).ToListAsync(ct);
        if (controlled && SmallGroups.CheckGroup(new GroupCell(trips.Count, trips.Select(t => t.BookerId).Distinct().Count()), disclosure.Value) is { } tooSmall)
        {
            return tooSmall;
        }
        var priced = trips.Select(t =>
        {
            var sek = tariffs.Value.Charge(t.Kind, t.ReturnedAt - t.Start, t.Km);
            return (t.Code, t.CostName, Department: t.Department ?? "–", DepartmentKey: t.DepartmentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", t.Km, Sek: sek, t.BookerId);
        }).ToList();
        var byDepartment = priced.GroupBy(p => (p.DepartmentKey, p.Department))
            .Select(g => new CostLine(g.Key.DepartmentKey, g.Key.Department, g.Count(), Math.Round(g.Sum(p => p.Km), 1), g.Sum(p => p.Sek)))
            .OrderByDescending(l => l.Sek).ToList();
        var centres = priced.GroupBy(p => (p.Code, p.CostName)).OrderBy(g => g.Key.Code, StringComparer.Ordinal).ToList();
        var hidden = controlled ? SmallGroups.Hidden(centres.Select(g => new GroupCell(g.Count(), g.Select(p => p.BookerId).Distinct().Count())).ToList(), disclosure.Value)
            : new bool[centres.Count];
        var byCostCentre = centres.Select((g, i) => hidden[i] ? new CostLine(g.Key.Code, g.Key.CostName, null, null, null)
            : new CostLine(g.Key.Code, g.Key.CostName, g.Count(), Math.Round(g.Sum(p => p.Km), 1), g.Sum(p => p.Sek))).ToList();
        return new CostReport(first, last, priced.Sum(p => p.Sek), byDepartment, byCostCentre);
    }
}
