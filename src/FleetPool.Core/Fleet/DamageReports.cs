using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>
/// Damage and incident reports outside check-in: anyone may report on any vehicle at any time; only fleet managers
/// and admins resolve. Invariants: a resolved report stays in the history with who resolved it in the audit trail; its
/// text and injury flag are read only by fleet managers, admins and the reporter; the retention purge removes resolved
/// reports after <c>Operations:DamageRetentionDays</c>.
/// </summary>
public sealed class DamageReports(IDbContextFactory<FleetPoolDb> dbs, IClock clock)
{
    /// <summary>True when the actor may read a report's text and whether someone was injured.</summary>
    public static bool MayReadDetails(Actor actor, int reportedById) => actor.ManagesFleet || actor.UserId == reportedById;

    /// <summary>Files a report; a travel accident with injury is marked for the injury-reporting process.</summary>
    public async Task<Outcome<int>> ReportAsync(Actor actor, int vehicleId, DamageInput input, CancellationToken ct = default)
    {
        var invalid = new FieldErrors().RequireText(input.Description, "description", 2000);
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        if (!await db.Vehicles.AnyAsync(v => v.Id == vehicleId, ct))
        {
            return Problem.NotFound("Vehicle");
        }
        var report = new DamageReport
        {
            VehicleId = vehicleId, ReportedById = actor.UserId, ReportedAt = clock.GetCurrentInstant(),
            Description = input.Description!.Trim(), InjuryAccident = input.InjuryAccident,
        };
        db.DamageReports.Add(report);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }

    /// <summary>Marks a report as dealt with.</summary>
    public async Task<Outcome<int>> ResolveAsync(Actor actor, int reportId, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var report = await db.DamageReports.FindAsync([reportId], ct);
        if (report is null)
        {
            return Problem.NotFound("Vehicle");
        }
        report.ResolvedAt ??= clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct);
        return report.Id;
    }
}
