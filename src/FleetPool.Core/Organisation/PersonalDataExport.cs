using FleetPool.Core.Audit;
using FleetPool.Core.Bookings;
using FleetPool.Core.Bookings.Waitlist;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>A person's profile as FleetPool holds it (no password hash, stamps or calendar token: only whether a feed is on).</summary>
public sealed record PersonalProfile(int Id, string DisplayName, string? Email, string? Department, IReadOnlyList<string> Roles, bool IsActive,
    string? LicenceClasses, LocalDate? LicenceExpiresOn, Instant? LicenceVerifiedAt, string? Language, string? EmailTopicsOff, bool HasCalendarFeed);

/// <summary>A trip the person booked or drove, with what FleetPool still holds of it (text removed by retention reads "–").</summary>
public sealed record PersonalTrip(int Id, string Vehicle, Instant Start, Instant End, BookingStatus Status, bool Booked, bool Drove, string Purpose,
    string? Destination, double? DistanceKm, int? Passengers, string? CarReason, string? FossilReason, string CostCenter, int? OdometerOutKm,
    int? OdometerInKm, double? ActualKm, Instant CreatedAt);

/// <summary>A series the person made or drives.</summary>
public sealed record PersonalSeries(int Id, string Vehicle, LocalDate FirstDate, LocalDate LastDate, string Purpose, string? Destination, Instant? EndedAt);

/// <summary>A place the person took in a waitlist.</summary>
public sealed record PersonalWaitlistPlace(int Id, string Site, VehicleKind Kind, Instant Start, Instant End, WaitlistStatus Status, string Purpose);

/// <summary>An approval asked for the person's booking, or decided by them.</summary>
public sealed record PersonalApproval(int BookingId, string Rules, Instant AskedAt, Instant? DecidedAt, bool? Approved, string? Reason, bool DecidedByThem);

/// <summary>A damage or incident report the person made.</summary>
public sealed record PersonalDamageReport(int Id, string Vehicle, Instant ReportedAt, string Description, bool InjuryAccident, int Photos);

/// <summary>A notice in the person's inbox.</summary>
public sealed record PersonalNotice(Instant At, string Kind, IReadOnlyList<string> Details, Instant? ReadAt);

/// <summary>A change the person made, or one made to their account, as the audit trail holds it.</summary>
public sealed record PersonalAuditEntry(Instant At, string Entity, string EntityId, string Action, string? Before, string? After, bool ByThem);

/// <summary>Everything FleetPool holds about one person (GDPR art. 15), as of <see cref="ExportedAt"/>.</summary>
public sealed record PersonalData(Instant ExportedAt, PersonalProfile Profile, IReadOnlyList<PersonalTrip> Trips, IReadOnlyList<PersonalSeries> Series,
    IReadOnlyList<PersonalWaitlistPlace> WaitlistPlaces, IReadOnlyList<PersonalApproval> Approvals, IReadOnlyList<PersonalDamageReport> DamageReports,
    IReadOnlyList<PersonalNotice> Notices, IReadOnlyList<PersonalAuditEntry> Audit);

/// <summary>
/// A person's own data (GDPR art. 15, "registerutdrag"): their profile, trips, series, waitlist places, approvals, damage
/// reports, inbox and the audit trail's rows by them or about their account. Invariants: a person gets their own, an admin
/// anyone's; every export is itself audited (who, whose, when); nothing secret (password hash, stamps, tokens) is in it.
/// </summary>
public sealed class PersonalDataExport(IDbContextFactory<FleetPoolDb> dbs, IClock clock)
{
    /// <summary>The export of <paramref name="userId"/>'s data; not found for another's unless the actor is an admin.</summary>
    public async Task<Outcome<PersonalData>> ExportAsync(Actor actor, int userId, CancellationToken ct = default)
    {
        if (actor.UserId != userId && !actor.Roles.Contains(Roles.Admin))
        {
            return Problem.NotFound("User");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await ProfileAsync(db, userId, ct) is not { } profile)
        {
            return Problem.NotFound("User");
        }
        var now = clock.GetCurrentInstant();
        var data = new PersonalData(now, profile, await TripsAsync(db, userId, ct), await SeriesAsync(db, userId, ct), await WaitlistAsync(db, userId, ct),
            await ApprovalsAsync(db, userId, ct), await DamageAsync(db, userId, ct), await NoticesAsync(db, userId, ct), await AuditAsync(db, userId, ct));
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, ActorId = actor.UserId, Entity = "PersonalData", EntityId = userId.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = "Exported",
        });
        await db.SaveChangesAsync(ct);
        return data;
    }

    private static async Task<PersonalProfile?> ProfileAsync(FleetPoolDb db, int userId, CancellationToken ct)
    {
        var row = await (from person in db.Users.AsNoTracking()
                         join d in db.OrgUnits on person.DepartmentId equals d.Id into ds
                         from d in ds.DefaultIfEmpty()
                         where person.Id == userId
                         select new { person, Department = d == null ? null : d.Name }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId orderby r.Name select r.Name!).ToListAsync(ct);
        var u = row.person;
        return new PersonalProfile(u.Id, u.DisplayName, u.Email, row.Department, roles, u.IsActive, u.LicenceClasses, u.LicenceExpiresOn, u.LicenceVerifiedAt,
            u.Language, u.EmailOff, u.CalendarToken is not null);
    }

    private static async Task<List<PersonalTrip>> TripsAsync(FleetPoolDb db, int userId, CancellationToken ct) =>
        await (from b in db.Bookings.AsNoTracking()
               join v in db.Vehicles on b.VehicleId equals v.Id
               join c in db.CostCenters on b.CostCenterId equals c.Id
               where (b.BookerId == userId || b.DriverId == userId) && b.Status != BookingStatus.Maintenance
               orderby b.Start
               select new PersonalTrip(b.Id, v.Name, b.Start, b.End, b.Status, b.BookerId == userId, (b.DriverId ?? b.BookerId) == userId, b.Purpose,
                   b.Destination, b.DistanceKm, b.Passengers, b.CarReason, b.FossilReason, c.Code, b.OdometerOutKm, b.OdometerInKm, b.ActualKm, b.CreatedAt))
            .ToListAsync(ct);

    private static async Task<List<PersonalSeries>> SeriesAsync(FleetPoolDb db, int userId, CancellationToken ct) =>
        await (from s in db.BookingSeries.AsNoTracking()
               join v in db.Vehicles on s.VehicleId equals v.Id
               where s.BookerId == userId || s.DriverId == userId
               orderby s.FirstDate
               select new PersonalSeries(s.Id, v.Name, s.FirstDate, s.LastDate, s.Purpose, s.Destination, s.EndedAt)).ToListAsync(ct);

    private static async Task<List<PersonalWaitlistPlace>> WaitlistAsync(FleetPoolDb db, int userId, CancellationToken ct) =>
        await (from w in db.WaitlistEntries.AsNoTracking()
               join s in db.Sites on w.SiteId equals s.Id
               where w.UserId == userId
               orderby w.Start
               select new PersonalWaitlistPlace(w.Id, s.Name, w.Kind, w.Start, w.End, w.Status, w.Purpose)).ToListAsync(ct);

    private static async Task<List<PersonalApproval>> ApprovalsAsync(FleetPoolDb db, int userId, CancellationToken ct) =>
        await (from a in db.ApprovalRequests.AsNoTracking()
               join b in db.Bookings on a.BookingId equals b.Id
               where b.BookerId == userId || a.DecidedById == userId
               orderby a.AskedAt
               select new PersonalApproval(a.BookingId, a.Rules, a.AskedAt, a.DecidedAt, a.Approved, a.Reason, a.DecidedById == userId)).ToListAsync(ct);

    private static async Task<List<PersonalDamageReport>> DamageAsync(FleetPoolDb db, int userId, CancellationToken ct) =>
        await (from d in db.DamageReports.AsNoTracking()
               join v in db.Vehicles on d.VehicleId equals v.Id
               where d.ReportedById == userId
               orderby d.ReportedAt
               select new PersonalDamageReport(d.Id, v.Name, d.ReportedAt, d.Description, d.InjuryAccident, db.DamagePhotos.Count(p => p.DamageReportId == d.Id)))
            .ToListAsync(ct);

    private static async Task<List<PersonalNotice>> NoticesAsync(FleetPoolDb db, int userId, CancellationToken ct) =>
        (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.At).ToListAsync(ct))
            .ConvertAll(n => new PersonalNotice(n.At, n.Kind, n.Arguments.Split(Notifications.Inbox.Separator), n.ReadAt));

    private static async Task<List<PersonalAuditEntry>> AuditAsync(FleetPoolDb db, int userId, CancellationToken ct)
    {
        var id = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(a => a.ActorId == userId || a.Entity == "AppUser" && a.EntityId == id)
            .OrderBy(a => a.Id).Select(a => new PersonalAuditEntry(a.At, a.Entity, a.EntityId, a.Action, a.Before, a.After, a.ActorId == userId)).ToListAsync(ct);
    }
}
