using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Notifications;

/// <summary>
/// Reminds bookers before the start, and tells the booker and every fleet manager when a vehicle is overdue. Idempotent:
/// a notification exists at most once per (user, booking, kind), so re-runs and several instances add nothing new.
/// </summary>
public sealed class BookingNotices(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<OperationsOptions> options)
{
    /// <summary>Reminds the bookers of reservations that start within <c>ReminderMinutesBefore</c>; returns how many were written.</summary>
    public async Task<int> RemindAsync(CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var soon = now + Duration.FromMinutes(options.Value.ReminderMinutesBefore);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var due = await db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Reserved && b.Start > now && b.Start <= soon)
            .Join(db.Vehicles, b => b.VehicleId, v => v.Id, (b, v) => new { b.Id, b.BookerId, b.Start, v.Name }).ToListAsync(ct);
        return await WriteAsync(db, due.Select(d => (d.BookerId, d.Id, "reminder", Args(d.Name, d.Start))), ct);
    }

    /// <summary>Tells the booker and the fleet managers about vehicles not returned <c>OverdueGraceMinutes</c> after the end.</summary>
    public async Task<int> FlagOverdueAsync(CancellationToken ct = default)
    {
        var cutoff = options.Value.OverdueBefore(clock.GetCurrentInstant());
        await using var db = await dbs.CreateDbContextAsync(ct);
        var late = await db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.CheckedOut && b.End < cutoff)
            .Join(db.Vehicles, b => b.VehicleId, v => v.Id, (b, v) => new { b.Id, b.BookerId, b.End, v.Name }).ToListAsync(ct);
        var managers = late.Count == 0 ? [] : await (from ur in db.UserRoles
                                                     join r in db.Roles on ur.RoleId equals r.Id
                                                     join u in db.Users on ur.UserId equals u.Id
                                                     where r.Name == Roles.FleetManager && u.IsActive
                                                     select u.Id).Distinct().ToListAsync(ct);
        var notes = late.SelectMany(b => managers.Select(m => (m, b.Id, "overdueFleet", Args(b.Name, b.End)))
            .Prepend((b.BookerId, b.Id, "overdue", Args(b.Name, b.End))));
        return await WriteAsync(db, notes, ct);
    }

    /// <summary>Tells bookers their reservations became no-shows (called by the no-show sweep, inside its transaction).</summary>
    internal static void NoShows(FleetPoolDb db, IEnumerable<(int BookerId, int BookingId, string Vehicle, string Start)> released, Instant now)
    {
        foreach (var (booker, booking, vehicle, start) in released)
        {
            db.Notifications.Add(new Notification { UserId = booker, BookingId = booking, Kind = "noShow", Arguments = string.Join(Inbox.Separator, vehicle, start), At = now });
        }
    }

    private string Args(string vehicle, Instant at) => string.Join(Inbox.Separator, vehicle, time.Format(at));

    private async Task<int> WriteAsync(FleetPoolDb db, IEnumerable<(int User, int Booking, string Kind, string Args)> notes, CancellationToken ct)
    {
        var wanted = notes.ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var bookings = wanted.Select(n => (int?)n.Booking).Distinct().ToList();
        var existing = (await db.Notifications.Where(n => bookings.Contains(n.BookingId)).Select(n => new { n.UserId, n.BookingId, n.Kind }).ToListAsync(ct))
            .Select(n => (n.UserId, n.BookingId, n.Kind)).ToHashSet();
        var now = clock.GetCurrentInstant();
        var fresh = wanted.Where(n => existing.Add((n.User, n.Booking, n.Kind))).ToList();
        db.Notifications.AddRange(fresh.Select(n => new Notification { UserId = n.User, BookingId = n.Booking, Kind = n.Kind, Arguments = n.Args, At = now }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return fresh.Count;
    }
}
