using FleetPool.Core.Bookings;
using FleetPool.Core.Bookings.Approvals;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet.Upkeep;
using FleetPool.Core.Notifications;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Fleet.Todo;

/// <summary>A trip not returned after the grace time.</summary>
public sealed record OverdueReturn(int BookingId, int VehicleId, string VehicleName, string Booker, Instant End);

/// <summary>An open damage or incident report.</summary>
public sealed record OpenDamage(int ReportId, int VehicleId, string VehicleName, Instant ReportedAt, DamageSeverity Severity, bool VehicleUsable, bool InjuryAccident);

/// <summary>A driver whose licence details were entered but not yet checked against the licence.</summary>
public sealed record LicenceToVerify(int UserId, string Name, string? Classes, LocalDate? ExpiresOn);

/// <summary>An active vehicle no trip has used in the last 30 days.</summary>
public sealed record UnusedVehicle(int VehicleId, string VehicleName, int SiteId, Instant? LastTripEnd);

/// <summary>A pick-up or a return at a site today; <see cref="Done"/> once it happened.</summary>
public sealed record SiteMovement(int BookingId, int VehicleId, string VehicleName, string Booker, Instant At, bool Done);

/// <summary>Today's pick-ups and returns at one site.</summary>
public sealed record SiteDay(int SiteId, string SiteName, IReadOnlyList<SiteMovement> PickUps, IReadOnlyList<SiteMovement> Returns);

/// <summary>A fleet manager's to-do list: every list is empty when there is nothing to do.</summary>
public sealed record FleetTodoView(IReadOnlyList<OverdueReturn> OverdueReturns, IReadOnlyList<OpenDamage> Damage, IReadOnlyList<LicenceToVerify> Licences,
    IReadOnlyList<VehicleUpkeepItem> Upkeep, IReadOnlyList<UnusedVehicle> Unused, IReadOnlyList<ApprovalView> Approvals, IReadOnlyList<SiteDay> Today)
{
    /// <summary>How many items need doing (today's movements are information, not items).</summary>
    public int Count => OverdueReturns.Count + Damage.Count + Licences.Count + Upkeep.Count + Unused.Count + Approvals.Count;
}

/// <summary>
/// The fleet manager's start page. Invariants: fleet managers and admins only (it covers every department); each list asks
/// the rule that owns it — overdue is <see cref="OperationsOptions.OverdueBefore"/> (as the overdue notices), upkeep
/// <see cref="UpkeepService"/>, approvals <see cref="ApprovalService.QueueAsync"/> (what this actor may decide).
/// </summary>
public sealed class FleetTodo(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<OperationsOptions> options,
    UpkeepService upkeep, ApprovalService approvals)
{
    /// <summary>Days without a trip after which an active vehicle is listed as unused.</summary>
    public const int UnusedDays = 30;

    /// <summary>The to-do list now.</summary>
    public async Task<Outcome<FleetTodoView>> ForAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetCurrentInstant();
        var overdueBefore = options.Value.OverdueBefore(now);
        var overdue = await (from b in db.Bookings
                             join v in db.Vehicles on b.VehicleId equals v.Id
                             join u in db.Users on b.BookerId equals u.Id
                             where b.Status == BookingStatus.CheckedOut && b.End < overdueBefore
                             orderby b.End
                             select new OverdueReturn(b.Id, v.Id, v.Name, u.DisplayName, b.End)).AsNoTracking().ToListAsync(ct);
        var damage = await (from d in db.DamageReports
                            join v in db.Vehicles on d.VehicleId equals v.Id
                            where d.ResolvedAt == null
                            select new OpenDamage(d.Id, v.Id, v.Name, d.ReportedAt, d.Severity, d.VehicleUsable, d.InjuryAccident)).AsNoTracking().ToListAsync(ct);
        var licences = await db.Users.AsNoTracking().Where(u => u.IsActive && u.LicenceClasses != null && u.LicenceVerifiedAt == null)
            .OrderBy(u => u.DisplayName).Select(u => new LicenceToVerify(u.Id, u.DisplayName, u.LicenceClasses, u.LicenceExpiresOn)).ToListAsync(ct);
        var since = now - Duration.FromDays(UnusedDays);
        var acquiredBefore = time.DateOf(since);
        var unused = await db.Vehicles.AsNoTracking()
            .Where(v => v.Status == VehicleStatus.Active && v.AcquiredOn <= acquiredBefore
                // BlockedUntil is never before End: saying so lets the overlap index skip the vehicle's older history.
                && !db.Bookings.Any(b => b.VehicleId == v.Id && b.BlockedUntil > since && BookingStatuses.Trips.Contains(b.Status) && b.Start < now && b.End > since))
            .OrderBy(v => v.Name)
            .Select(v => new UnusedVehicle(v.Id, v.Name, v.SiteId,
                db.Bookings.Where(b => b.VehicleId == v.Id && b.Status == BookingStatus.Returned).Max(b => (Instant?)b.End))).ToListAsync(ct);
        return new FleetTodoView(overdue,
            damage.OrderByDescending(d => d.InjuryAccident).ThenByDescending(d => d.Severity).ThenBy(d => d.ReportedAt).ToList(),
            licences, (await upkeep.DueAsync(actor, ct)).Value ?? [], unused, (await approvals.QueueAsync(actor, ct)).Value ?? [],
            await TodayAsync(db, now, ct));
    }

    private async Task<IReadOnlyList<SiteDay>> TodayAsync(FleetPoolDb db, Instant now, CancellationToken ct)
    {
        var (dayStart, dayEnd) = (time.StartOfDay(time.DateOf(now)), time.StartOfDay(time.DateOf(now).PlusDays(1)));
        // Starting today, or ending today: two index ranges (Start; Status and End) rather than one scan for the "or".
        var trips = db.Bookings.Where(b => BookingStatuses.Trips.Contains(b.Status));
        var today = trips.Where(b => b.Start >= dayStart && b.Start < dayEnd).Union(trips.Where(b => b.End >= dayStart && b.End < dayEnd));
        var rows = await (from b in today
                          join v in db.Vehicles on b.VehicleId equals v.Id
                          join s in db.Sites on v.SiteId equals s.Id
                          join u in db.Users on b.BookerId equals u.Id
                          select new { b.Id, b.Status, b.Start, b.End, VehicleId = v.Id, Vehicle = v.Name, SiteId = s.Id, Site = s.Name, u.DisplayName })
            .AsNoTracking().ToListAsync(ct);
        return rows.GroupBy(r => (r.SiteId, r.Site)).OrderBy(g => g.Key.Site, StringComparer.CurrentCulture)
            .Select(g => new SiteDay(g.Key.SiteId, g.Key.Site,
                g.Where(r => r.Start >= dayStart && r.Start < dayEnd).OrderBy(r => r.Start)
                    .Select(r => new SiteMovement(r.Id, r.VehicleId, r.Vehicle, r.DisplayName, r.Start, r.Status != BookingStatus.Reserved)).ToList(),
                g.Where(r => r.End >= dayStart && r.End < dayEnd).OrderBy(r => r.End)
                    .Select(r => new SiteMovement(r.Id, r.VehicleId, r.Vehicle, r.DisplayName, r.End, r.Status == BookingStatus.Returned)).ToList()))
            .ToList();
    }
}
