using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>One point of the trend: a snapshot's date and its three numbers.</summary>
public sealed record SharePoint(LocalDate Date, double? FossilIndependentShare, double? FossilFreeEnergyShare, double Co2eKg, int Vehicles);

/// <summary>
/// A target evaluated for the unit today. <see cref="Gap"/> is in percentage points (0 when met); <see cref="VehiclesToReplace"/>
/// is for vehicle-count targets; <see cref="ReachedOn"/> is the first snapshot date at or above the target (null if never);
/// <see cref="ProjectedOn"/>, for a fossil-independent target not yet met, the month end the phase-out plan reaches it.
/// </summary>
public sealed record TargetStatus(string Name, TargetMetric Metric, double Share, LocalDate By, double? Value, bool Met,
    double Gap, int? VehiclesToReplace, bool DeadlinePassed, LocalDate? ReachedOn, LocalDate? ProjectedOn = null);

/// <summary>
/// The fossil-share report of one unit: today's numbers (the latest snapshot, or computed now when the job has not run),
/// the trend from snapshots in the period, the same figures a year earlier, and every target's status.
/// </summary>
public sealed record FossilShareReport(UnitLevel Level, int UnitId, string UnitName, LocalDate AsOf, SharePoint Current,
    int FossilIndependent, int ZeroEmission, int Bikes, double Km, double? Co2ePerVehicleKg, double? Co2eGramsPerKm,
    SharePoint? YearBefore, IReadOnlyList<SharePoint> Trend, IReadOnlyList<TargetStatus> Targets);

/// <summary>
/// Builds <see cref="FossilShareReport"/>s. Invariants: fleet managers and admins see any unit or the whole organisation;
/// a department lead sees their own department and its board, aggregates only; everyone else is refused.
/// </summary>
public sealed class FossilShareReports(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, FleetShareJob job, IOptions<FleetShareOptions> options)
{
    /// <summary>The report for a unit (null = the organisation for fleet managers, the own department for a lead).</summary>
    public async Task<Outcome<FossilShareReport>> BuildAsync(Actor actor, int? unitId, LocalDate? from, LocalDate? to, CancellationToken ct = default)
    {
        var today = time.DateOf(clock.GetCurrentInstant());
        var (first, last, invalid) = ReportScope.Period(from, to, today.PlusYears(-2), today);
        if (invalid is not null)
        {
            return invalid;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var tree = new UnitTree(units);
        var (own, refused) = await ReportScope.LimitAsync(db, actor, ct);
        if (refused is not null || own is { } d && unitId is { } asked && asked != d && asked != tree.SelfAndAncestors(d).LastOrDefault())
        {
            return refused ?? Problem.Forbidden();
        }
        unitId ??= own;
        var unit = unitId is { } id ? units.FirstOrDefault(u => u.Id == id) : null;
        if (unitId is not null && unit is null)
        {
            return Problem.Invalid(new FieldErrors().Add("department", Text.Get("NoDepartment")));
        }
        var (level, key) = unit is null ? (UnitLevel.Organisation, 0) : (unit.Kind == OrgUnitKind.Board ? UnitLevel.Board : UnitLevel.Department, unit.Id);
        var history = await db.FleetShareSnapshots.AsNoTracking().Where(s => s.Level == level && s.UnitId == key && s.Date <= last)
            .OrderBy(s => s.Date).ToListAsync(ct);
        var current = history.LastOrDefault() is { } latest && latest.Date == last
            ? latest
            : (await job.ComputeAsync(db, last, ct)).Single(s => s.Level == level && s.UnitId == key);
        var yearBefore = history.LastOrDefault(s => s.Date <= last.PlusYears(-1));
        var trend = history.Where(s => s.Date >= first).Select(Point).ToList();
        if (trend.Count == 0 || trend[^1].Date != current.Date)
        {
            trend.Add(Point(current));
        }
        var cars = (await db.Vehicles.AsNoTracking().Where(v => v.Status != Fleet.VehicleStatus.Retired).ToListAsync(ct))
            .Where(v => v.Kind.IsMotorVehicle() && (unit is null || tree.SelfAndAncestors(v.DepartmentId).Contains(unit.Id))).ToList();
        var targets = options.Value.Targets.Select(t => Evaluate(t, current, history, last) is var status
            && status is { Met: false, Metric: TargetMetric.FossilIndependentShare }
                ? status with { ProjectedOn = PhaseOut.Project(cars, last, Max(t.Deadline, last.PlusYears(5))).FirstOrDefault(m => m.Share >= t.Share - 1e-9)?.Month }
                : status).ToList();
        return new FossilShareReport(level, key, unit?.Name ?? "", last, Point(current), current.FossilIndependent, current.ZeroEmission,
            current.Bikes, current.Km, current.Vehicles == 0 ? null : Math.Round(current.Co2eKg / current.Vehicles, 1),
            current.Km <= 0 ? null : Math.Round(current.Co2eKg * 1000 / current.Km, 1), yearBefore is null ? null : Point(yearBefore), trend, targets);
    }

    /// <summary>A target's status on <paramref name="asOf"/> for a unit with this snapshot history.</summary>
    public static TargetStatus Evaluate(FleetTarget t, FleetShareSnapshot current, IReadOnlyList<FleetShareSnapshot> history, LocalDate asOf)
    {
        var value = Value(t.Metric, current);
        var met = value is { } v && v >= t.Share - 1e-9;
        var gap = value is { } g ? Math.Round(Math.Max(0, t.Share - g) * 100, 1) : t.Share * 100;
        var count = t.Metric switch
        {
            TargetMetric.FossilIndependentShare => current.FossilIndependent,
            TargetMetric.ZeroEmissionShare => current.ZeroEmission,
            _ => (int?)null,
        };
        var toReplace = count is { } c ? Math.Max(0, (int)Math.Ceiling(t.Share * current.Vehicles - 1e-9) - c) : (int?)null;
        var reached = history.Append(current).Where(s => Value(t.Metric, s) is { } x && x >= t.Share - 1e-9).Select(s => (LocalDate?)s.Date).Min();
        return new TargetStatus(t.LocalName, t.Metric, t.Share, t.Deadline, value, met, gap, toReplace, asOf > t.Deadline, reached);
    }

    private static double? Value(TargetMetric metric, FleetShareSnapshot s) => metric switch
    {
        TargetMetric.FossilIndependentShare => s.FossilIndependentShare,
        TargetMetric.ZeroEmissionShare => s.ZeroEmissionShare,
        _ => s.FossilFreeEnergyShare,
    };

    private static SharePoint Point(FleetShareSnapshot s) => new(s.Date, s.FossilIndependentShare, s.FossilFreeEnergyShare, s.Co2eKg, s.Vehicles);

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
