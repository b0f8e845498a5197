using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>
/// Damage and incident reports: anyone may report on any vehicle at any time (or at check-in); only fleet managers
/// and admins resolve. Invariants: fleet managers are told at once; a fleet manager's report saying the vehicle may not be
/// used takes it out of use in the same transaction (status Maintenance) and moves each coming booking to an equivalent
/// vehicle or cancels it, telling its booker (<see cref="Maintenance.VehicleMoves"/>); anyone else's such report changes no
/// one's booking until a fleet manager confirms it by taking the vehicle out of use (they are told it waits for them); a resolved report stays in the history with
/// who resolved it in the audit trail; its text and injury flag are read only by fleet managers, admins and the
/// reporter; the retention purge removes resolved reports after <c>Operations:DamageRetentionDays</c>.
/// </summary>
public sealed class DamageReports(IDbContextFactory<FleetPoolDb> dbs, IClock clock, Time.OrganisationTime time)
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
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await db.Vehicles.SingleOrDefaultAsync(v => v.Id == vehicleId, ct) is not { } vehicle)
        {
            return Problem.NotFound("Vehicle");
        }
        var report = await FileAsync(db, actor, vehicle, input, null, clock.GetCurrentInstant(), time, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return report.Id;
    }

    /// <summary>
    /// Adds a report inside the caller's write transaction (a report of its own, or at check-in) with what follows from it:
    /// fleet managers told, and an unusable vehicle taken out of use with its coming bookings moved or cancelled.
    /// </summary>
    internal static async Task<DamageReport> FileAsync(FleetPoolDb db, Actor actor, Vehicle vehicle, DamageInput input, int? bookingId, Instant now,
        Time.OrganisationTime time, CancellationToken ct)
    {
        var report = new DamageReport
        {
            VehicleId = vehicle.Id, BookingId = bookingId, ReportedById = actor.UserId, ReportedAt = now, Description = input.Description!.Trim(),
            InjuryAccident = input.InjuryAccident, Severity = input.Severity ?? DamageSeverity.Minor, VehicleUsable = input.Usable,
        };
        db.DamageReports.Add(report);
        var reporter = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        foreach (var manager in (await Notifications.Notices.FleetManagersAsync(db, ct)).Where(m => m != actor.UserId))
        {
            var kind = input.InjuryAccident ? "damageInjury" : input.Usable ? "damageReported" : actor.ManagesFleet ? "damageUnusable" : "damageUnusableToConfirm";
            await Notifications.Notices.TellAsync(db, manager, null, kind, now, [vehicle.Name, reporter, Notifications.NoticeText.Key($"Severity.{report.Severity}")], ct);
        }
        // Taking a vehicle out of use moves other people's bookings: a fleet manager's call, not any reporter's.
        if (!input.Usable && vehicle.Status == VehicleStatus.Active && actor.ManagesFleet)
        {
            (vehicle.Status, vehicle.StatusChangedAt) = (VehicleStatus.Maintenance, now);
            await Maintenance.VehicleMoves.ClearComingAsync(db, vehicle, bookingId, Text.Get("DamagedWhy"), now, time, ct);
        }
        return report;
    }

    /// <summary>The most reports a vehicle's list returns, newest first.</summary>
    public const int ListLimit = 50;

    /// <summary>
    /// A vehicle's reports, newest first (at most <see cref="ListLimit"/>; only unresolved ones when <paramref name="openOnly"/>),
    /// each with its text, injury flag, severity and photos only for a reader who <see cref="MayReadDetails"/>; not found for
    /// an unknown vehicle.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<DamageView>>> ListAsync(Actor actor, int vehicleId, bool openOnly = false, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Vehicles.AnyAsync(v => v.Id == vehicleId, ct))
        {
            return Problem.NotFound("Vehicle");
        }
        return Outcome<IReadOnlyList<DamageView>>.Ok(await ReadAsync(db, actor, vehicleId, openOnly, ct));
    }

    /// <summary>The vehicle's reports as <see cref="ListAsync"/> gives them, inside a caller's context (the vehicle page).</summary>
    internal static async Task<IReadOnlyList<DamageView>> ReadAsync(FleetPoolDb db, Actor actor, int vehicleId, bool openOnly, CancellationToken ct)
    {
        var reports = await db.DamageReports.AsNoTracking().Where(d => d.VehicleId == vehicleId && (!openOnly || d.ResolvedAt == null))
            .OrderByDescending(d => d.ReportedAt).Take(ListLimit).ToListAsync(ct);
        var readable = reports.Where(d => MayReadDetails(actor, d.ReportedById)).Select(d => d.Id).ToList();
        var photos = (await db.DamagePhotos.AsNoTracking().Where(p => readable.Contains(p.DamageReportId)).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.DamageReportId }).ToListAsync(ct)).ToLookup(p => p.DamageReportId, p => p.Id);
        return reports.Select(d => readable.Contains(d.Id)
                ? new DamageView(d.Id, d.ReportedAt, d.Description, d.InjuryAccident, d.ResolvedAt, d.Severity, photos[d.Id].ToList())
                : new DamageView(d.Id, d.ReportedAt, null, null, d.ResolvedAt)).ToList();
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
