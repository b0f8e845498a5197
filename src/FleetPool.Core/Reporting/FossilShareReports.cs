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

/// <summary>
/// One point of the trend. <see cref="FossilIndependentShare"/> follows the headline definition; <see cref="OfficialShare"/>
/// (by approval) and <see cref="InPracticeShare"/> (by the fuel run on) are both given. Null is "no data", never 0: no
/// energy recorded, no trips (<see cref="Co2eKg"/>), or a count older snapshots did not make. The months say in how many of
/// the 12 there was energy or trip data (null: not recorded then); <see cref="EnergyCoverage"/> the share of driven
/// vehicle-months with energy recorded. <see cref="Co2e"/> is the figure to lead with and its
/// method (<see cref="Emissions.Choose"/>); <see cref="Co2eKg"/> (km-based) and <see cref="EnergyCo2eKg"/> are both given.
/// </summary>
public sealed record SharePoint(LocalDate Date, int Vehicles, double? FossilIndependentShare, double? OfficialShare, double? InPracticeShare,
    double? FossilFreeEnergyShare, double? Co2eKg, double? EnergyCo2eKg, int? EnergyMonths, int? KmMonths, double? EnergyCoverage, Co2eFigure Co2e);

/// <summary>
/// The fossil-share report of one unit: today's numbers (the latest snapshot, or computed now when the job has not run),
/// the headline definition, the trend from snapshots in the period, the figures a year earlier (null when no snapshot is
/// within a month of that day), every target's status, and the phase-out plan's month-end projection of the headline
/// share (until it reaches the first vehicle-count target).
/// </summary>
public sealed record FossilShareReport(UnitLevel Level, int UnitId, string UnitName, LocalDate AsOf, ShareDefinition Definition, SharePoint Current,
    int? FossilIndependent, int? FossilIndependentOfficial, int FossilIndependentInPractice, int ZeroEmission, int Bikes, double? BikeChargingKwh, double Km,
    double? Co2ePerVehicleKg, double? Co2eGramsPerKm, SharePoint? YearBefore, IReadOnlyList<SharePoint> Trend, IReadOnlyList<TargetStatus> Targets,
    IReadOnlyList<ProjectedShare> Projection);

/// <summary>
/// Builds <see cref="FossilShareReport"/>s. Invariants: fleet managers and admins see any unit or the whole organisation;
/// a department lead sees their own department and its board, aggregates only; everyone else is refused; a future
/// <c>to</c> is refused (a figure for a day not yet over would be a guess).
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
        if (refused is not null || !ReportScope.MaySee(tree, own, unitId))
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
        async Task<FleetShareSnapshot> OnAsync(LocalDate day) => history.LastOrDefault() is { } latest && latest.Date == day ? latest
            : history.FirstOrDefault(s => s.Date == day) ?? (await job.ComputeAsync(db, day, ct)).Single(s => s.Level == level && s.UnitId == key);
        var current = await OnAsync(last);
        if (history.Count == 0 || history[^1].Date != last)
        {
            history.Add(current);
        }
        var definition = options.Value.Definition;
        var yearAgo = last.PlusYears(-1);
        var yearBefore = history.Where(s => Math.Abs(Period.Between(s.Date, yearAgo, PeriodUnits.Days).Days) <= 31)
            .OrderBy(s => Math.Abs(Period.Between(s.Date, yearAgo, PeriodUnits.Days).Days)).FirstOrDefault();
        var trend = history.Where(s => s.Date >= first).Select(s => Point(s, definition)).ToList();
        var cars = (await db.Vehicles.AsNoTracking().Where(v => v.Status != VehicleStatus.Retired).ToListAsync(ct))
            .Where(v => v.Kind.IsMotorVehicle() && (unit is null || tree.SelfAndAncestors(v.DepartmentId).Contains(unit.Id))).ToList();
        var projection = PhaseOut.Project(cars, last, options.Value.Targets.Select(t => t.Deadline).Append(last.PlusYears(5)).Max(), definition);
        var targets = new List<TargetStatus>();
        foreach (var t in options.Value.Targets)
        {
            var atDeadline = t.Deadline < last && history.Count > 0 ? await OnAsync(t.Deadline) : null;
            var projected = t.Metric == TargetMetric.FossilIndependentShare
                ? projection.FirstOrDefault(m => TargetEvaluation.IsMet(m.Share, t.Share))?.Month
                : null;
            targets.Add(TargetEvaluation.Evaluate(t.LocalName, t.Metric, t.Metric == TargetMetric.FossilIndependentShare ? definition : null, t.Share,
                t.Deadline, history.Select(s => Reading(t, s, definition)).ToList(), atDeadline is null ? null : Reading(t, atDeadline, definition), last, projected));
        }
        return new FossilShareReport(level, key, unit?.Name ?? "", last, definition, Point(current, definition), current.FossilIndependent(definition),
            current.FossilIndependentOfficial, current.FossilIndependentInPractice, current.ZeroEmission, current.Bikes, current.BikeChargingKwh, current.Km,
            current.Vehicles == 0 || !current.HasTrips ? null : Math.Round(current.Co2eKg / current.Vehicles, 1),
            current.Km <= 0 ? null : Math.Round(current.Co2eKg * 1000 / current.Km, 1), yearBefore is null ? null : Point(yearBefore, definition), trend, targets,
            Until(projection, targets.FirstOrDefault(t => t.Metric == TargetMetric.FossilIndependentShare)?.ProjectedOn));
    }

    /// <summary>A target's metric in a snapshot: the share and, for vehicle-count targets, the vehicles short of it.</summary>
    public static TargetReading Reading(FleetTarget t, FleetShareSnapshot s, ShareDefinition definition)
    {
        var (value, counted) = t.Metric switch
        {
            TargetMetric.FossilIndependentShare => (s.FossilIndependentShare(definition), s.FossilIndependent(definition)),
            TargetMetric.ZeroEmissionShare => (s.ZeroEmissionShare, s.ZeroEmission),
            _ => (s.FossilFreeEnergyShare, (int?)null),
        };
        return new TargetReading(s.Date, value, counted is { } c && value is not null ? TargetEvaluation.VehiclesShort(t.Share, s.Vehicles, c) : null);
    }

    private static SharePoint Point(FleetShareSnapshot s, ShareDefinition definition)
    {
        var (distance, energy) = (s.HasTrips ? s.Co2eKg : (double?)null, s.EnergyMj > 0 && s.EnergyMonths is not null ? s.EnergyCo2eKg : (double?)null);
        return new(s.Date, s.Vehicles, s.FossilIndependentShare(definition), s.FossilIndependentShare(ShareDefinition.Official),
            s.FossilIndependentShare(ShareDefinition.InPractice), s.FossilFreeEnergyShare, distance, energy, s.EnergyMonths, s.KmMonths,
            Emissions.Coverage(s.DrivenVehicleMonths, s.DrivenVehicleMonthsWithEnergy), Emissions.Choose(energy, distance, s.DrivenVehicleMonths, s.DrivenVehicleMonthsWithEnergy));
    }

    // The projection up to the month the plan reaches the headline target (all of it when it never does).
    private static List<ProjectedShare> Until(List<ProjectedShare> projection, LocalDate? reached) =>
        reached is { } r ? projection.TakeWhile(m => m.Month <= r).ToList() : projection;
}
