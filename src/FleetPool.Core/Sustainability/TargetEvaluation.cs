using FleetPool.Core.Reporting;
using NodaTime;

namespace FleetPool.Core.Sustainability;

/// <summary>A target's metric on one date: the share (null: no data) and, for vehicle-count targets, the vehicles short of it.</summary>
public sealed record TargetReading(LocalDate Date, double? Value, int? VehiclesShort);

/// <summary>Where a unit stands against a target.</summary>
public enum TargetVerdict
{
    /// <summary>Nothing to judge: no value today.</summary>
    NoData,
    /// <summary>Reached by the deadline (or, before it, reached already) and met today.</summary>
    Met,
    /// <summary>Missed at the deadline, reached after it.</summary>
    MetLate,
    /// <summary>The deadline has passed and the target is not met.</summary>
    Missed,
    /// <summary>Met at the deadline, below the share today.</summary>
    Lapsed,
    /// <summary>Deadline ahead; the phase-out plan reaches it in time.</summary>
    OnTrack,
    /// <summary>Deadline ahead; the plan reaches it late or never.</summary>
    OffTrack,
    /// <summary>Deadline ahead; not met and no plan projects this metric (zero-emission, energy).</summary>
    Open,
}

/// <summary>
/// A target evaluated for a unit. For a passed deadline <see cref="AtDeadline"/> is the value on the deadline itself (null
/// without data for that day), judged first; <see cref="Met"/>, <see cref="Gap"/> (percentage points, null without data) and
/// <see cref="VehiclesToReplace"/> describe today; <see cref="ReachedOn"/> is the first date with a value at or above the
/// share; <see cref="ProjectedOn"/> the month end the phase-out plan reaches it (vehicle-count targets not met).
/// </summary>
public sealed record TargetStatus(string Name, TargetMetric Metric, ShareDefinition? Definition, double Share, LocalDate By,
    double? Value, bool Met, double? Gap, int? VehiclesToReplace, bool DeadlinePassed, TargetReading? AtDeadline, bool? MetAtDeadline,
    double? GapAtDeadline, LocalDate? ReachedOn, bool ReachedLate, LocalDate? ProjectedOn, TargetVerdict Verdict);

/// <summary>
/// Target arithmetic, the one place that decides "met". Invariants: a share counts as met when it is at least the target
/// (with a 1e-9 tolerance for the division); missing data is never met and never a gap of its own; a target whose
/// deadline has passed is judged on the deadline's value first.
/// </summary>
public static class TargetEvaluation
{
    private const double Tolerance = 1e-9;

    /// <summary>True when <paramref name="value"/> reaches <paramref name="share"/>; false without a value.</summary>
    public static bool IsMet(double? value, double share) => value is { } v && v >= share - Tolerance;

    /// <summary>The gap in percentage points, rounded to 0.1 (0 when met); null without a value.</summary>
    public static double? Gap(double? value, double share) => value is { } v ? Math.Round(Math.Max(0, share - v) * 100, 1) : null;

    /// <summary>How many of <paramref name="vehicles"/> must be added to <paramref name="counted"/> to reach the share.</summary>
    public static int VehiclesShort(double share, int vehicles, int counted) => Math.Max(0, (int)Math.Ceiling(share * vehicles - Tolerance) - counted);

    /// <summary>Evaluates a target on a day.</summary>
    /// <param name="name">The target's name in the reader's language.</param>
    /// <param name="metric">What it measures.</param>
    /// <param name="definition">For vehicle-count targets, the definition the readings follow.</param>
    /// <param name="share">The share to reach, 0..1.</param>
    /// <param name="deadline">The last day it may be reached.</param>
    /// <param name="today">The day judged (the report's date).</param>
    /// <param name="history">Readings in date order, today's last.</param>
    /// <param name="atDeadline">The reading on the deadline day, when it has passed and there is one.</param>
    /// <param name="projectedOn">When the phase-out plan reaches the share (vehicle-count targets), else null.</param>
    public static TargetStatus Evaluate(string name, TargetMetric metric, ShareDefinition? definition, double share, LocalDate deadline,
        IReadOnlyList<TargetReading> history, TargetReading? atDeadline, LocalDate today, LocalDate? projectedOn)
    {
        var now = history.Count > 0 ? history[^1] : new TargetReading(today, null, null);
        var met = IsMet(now.Value, share);
        var passed = today > deadline;
        var metAtDeadline = passed && atDeadline?.Value is not null ? IsMet(atDeadline.Value, share) : (bool?)null;
        // After a missed deadline "reached" means reached again after it ("reached late, on …").
        var reached = history.FirstOrDefault(r => IsMet(r.Value, share) && (metAtDeadline != false || r.Date > deadline))?.Date;
        var late = passed && metAtDeadline != true && reached is { } r && r > deadline;
        var verdict = now.Value is null ? TargetVerdict.NoData
            : passed ? (met, metAtDeadline) switch
            {
                (true, true) => TargetVerdict.Met,
                (false, true) => TargetVerdict.Lapsed,
                (true, _) => late ? TargetVerdict.MetLate : TargetVerdict.Met,
                _ => TargetVerdict.Missed,
            }
            : met ? TargetVerdict.Met
            : projectedOn is { } p ? (p <= deadline ? TargetVerdict.OnTrack : TargetVerdict.OffTrack)
            : metric == TargetMetric.FossilIndependentShare ? TargetVerdict.OffTrack
            : TargetVerdict.Open;
        return new TargetStatus(name, metric, definition, share, deadline, now.Value, met, Gap(now.Value, share), now.VehiclesShort, passed,
            passed ? atDeadline : null, metAtDeadline, passed ? Gap(atDeadline?.Value, share) : null, reached, late, met ? null : projectedOn, verdict);
    }
}
