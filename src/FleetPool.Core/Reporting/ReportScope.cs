using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>What every report checks first: the period asked for, and whose figures the actor may see.</summary>
internal static class ReportScope
{
    /// <summary>The longest period one report or export covers: its answer stays bounded however long the history.</summary>
    public static readonly Period MaxPeriod = NodaTime.Period.FromYears(2);

    /// <summary>
    /// The period (defaults filled in), or the problem with it: the end may not come before the start, nor after today
    /// (figures for days not yet over would be guesses), nor more than <see cref="MaxPeriod"/> after the start.
    /// </summary>
    public static (LocalDate From, LocalDate To, Problem? Problem) Period(LocalDate? from, LocalDate? to, LocalDate defaultFrom, LocalDate today)
    {
        var (first, last) = (from ?? defaultFrom, to ?? today);
        var errors = Span(new FieldErrors(), first, last)
            .AddIf(last > today, "to", Text.Get("NotAfterToday", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return (first, last, errors.IsEmpty ? null : Problem.Invalid(errors));
    }

    /// <summary>Adds the problem with a period's span, if any: the end before the start, or more than <see cref="MaxPeriod"/> after it.</summary>
    public static FieldErrors Span(FieldErrors errors, LocalDate first, LocalDate last) =>
        errors.AddIf(last < first, "to", Text.Get("After", "from"))
            .AddIf(last >= first && last > first + MaxPeriod, "to", Text.Get("PeriodTooLong"));

    /// <summary>
    /// True when an actor limited to <paramref name="own"/> may ask for <paramref name="asked"/>: anything without a limit;
    /// else nothing asked (their own), their own department or its board (aggregates of the board are no more revealing).
    /// </summary>
    public static bool MaySee(UnitTree tree, int? own, int? asked) =>
        own is not { } d || asked is not { } a || a == d || a == tree.BoardOf(d);

    /// <summary>
    /// The department a report is limited to: none for fleet managers and admins (null, "see everything"); the lead's own
    /// department for a department lead; forbidden for anyone else or a lead without a department.
    /// </summary>
    public static async Task<(int? Department, Problem? Problem)> LimitAsync(FleetPoolDb db, Actor actor, CancellationToken ct)
    {
        if (actor.ManagesFleet)
        {
            return (null, null);
        }
        var own = actor.Roles.Contains(Roles.DepartmentLead)
            ? await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DepartmentId).SingleAsync(ct) : null;
        return own is null ? (null, Problem.Forbidden()) : (own, null);
    }
}
