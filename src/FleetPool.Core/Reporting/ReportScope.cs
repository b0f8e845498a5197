using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>What every report checks first: the period asked for, and whose figures the actor may see.</summary>
internal static class ReportScope
{
    /// <summary>The period (defaults filled in), or the problem with it: the end may not come before the start.</summary>
    public static (LocalDate From, LocalDate To, Problem? Problem) Period(LocalDate? from, LocalDate? to, LocalDate defaultFrom, LocalDate today)
    {
        var (first, last) = (from ?? defaultFrom, to ?? today);
        return (first, last, last < first ? Problem.Invalid(new FieldErrors().Add("to", Text.Get("After", "from"))) : null);
    }

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
