using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>
/// What FleetPool knows for the national work-injury report ("Anmälan om arbetsskada" to Försäkringskassan and
/// Arbetsmiljöverket) about a travel accident on a pool vehicle. <see cref="Injured"/> is the trip's driver (else the
/// reporter) — the person reporting confirms it; the fields FleetPool cannot know (personal identity number, the injury and
/// body part, witnesses, sick leave) are left for the manager and the injured to fill in.
/// </summary>
public sealed record InjuryReportView(int ReportId, string Injured, string? InjuredEmail, string? Department, string? Board, bool OnBusinessTrip,
    Instant ReportedAt, string ReportedBy, string WhatHappened, DamageSeverity Severity, string? Place, Instant? TripStart, Instant? TripEnd,
    string? TripPurpose, string Vehicle, string? Registration, VehicleKind VehicleKind, bool VehicleUsable);

/// <summary>
/// Builds the injury report's basis. Invariants: only for a report marked as an accident with injury; read only by fleet
/// managers, admins and the reporter (<see cref="DamageReports.MayReadDetails"/>: health data); a protected address is never
/// in it (such a trip stores no destination).
/// </summary>
public sealed class InjuryReports(IDbContextFactory<FleetPoolDb> dbs)
{
    /// <summary>The basis for one report.</summary>
    public async Task<Outcome<InjuryReportView>> ForAsync(Actor actor, int reportId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var report = await db.DamageReports.AsNoTracking().SingleOrDefaultAsync(d => d.Id == reportId, ct);
        if (report is null || !DamageReports.MayReadDetails(actor, report.ReportedById))
        {
            return Problem.NotFound("DamageReport");
        }
        if (!report.InjuryAccident)
        {
            return Problem.Refused("reportId", Text.Get("NotAnInjury"));
        }
        var vehicle = await db.Vehicles.AsNoTracking().SingleAsync(v => v.Id == report.VehicleId, ct);
        var trip = report.BookingId is { } b ? await db.Bookings.AsNoTracking().SingleOrDefaultAsync(x => x.Id == b, ct) : null;
        var injuredId = trip?.EffectiveDriverId ?? report.ReportedById;
        var people = await db.Users.AsNoTracking().Where(u => u.Id == injuredId || u.Id == report.ReportedById)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.DepartmentId }).ToListAsync(ct);
        var injured = people.Single(p => p.Id == injuredId);
        var department = await db.OrgUnits.AsNoTracking().Where(o => o.Id == injured.DepartmentId).Select(o => new { o.Name, o.ParentId }).SingleOrDefaultAsync(ct);
        var board = department?.ParentId is { } parent ? await db.OrgUnits.AsNoTracking().Where(o => o.Id == parent).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        return new InjuryReportView(report.Id, injured.DisplayName, injured.Email, department?.Name, board, OnBusinessTrip: true, report.ReportedAt,
            people.Single(p => p.Id == report.ReportedById).DisplayName, report.Description, report.Severity, trip?.Destination, trip?.CheckedOutAt ?? trip?.Start,
            trip?.ReturnedAt ?? trip?.End, trip?.Purpose, vehicle.Name, vehicle.Registration, vehicle.Kind, report.VehicleUsable);
    }
}
