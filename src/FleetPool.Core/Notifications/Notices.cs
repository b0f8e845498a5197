using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Notifications;

/// <summary>
/// Writes event notices about a booking inside the caller's transaction. Invariant (the table's: one per user, booking and
/// kind): a repeated event — a booking moved twice, asked for approval again after a change — replaces the earlier notice
/// with the news, unread and not yet e-mailed, instead of failing on the unique index.
/// </summary>
internal static class Notices
{
    /// <summary>Tells one user; with a booking, replaces their earlier notice of the same kind about it.</summary>
    public static async Task TellAsync(FleetPoolDb db, int userId, int? bookingId, string kind, Instant at, IEnumerable<string> arguments, CancellationToken ct)
    {
        var text = string.Join(Inbox.Separator, arguments);
        var earlier = bookingId is null ? null
            : db.Notifications.Local.SingleOrDefault(n => n.UserId == userId && n.BookingId == bookingId && n.Kind == kind)
              ?? await db.Notifications.SingleOrDefaultAsync(n => n.UserId == userId && n.BookingId == bookingId && n.Kind == kind, ct);
        if (earlier is null)
        {
            db.Notifications.Add(New(userId, bookingId, kind, at, arguments));
            return;
        }
        (earlier.Arguments, earlier.At, earlier.ReadAt, earlier.EmailedAt) = (text, at, null, null);
    }

    /// <summary>A notice about a booking just inserted, which so has none to replace: no lookup needed.</summary>
    public static Notification New(int userId, int? bookingId, string kind, Instant at, IEnumerable<string> arguments) =>
        new() { UserId = userId, BookingId = bookingId, Kind = kind, At = at, Arguments = string.Join(Inbox.Separator, arguments) };

    /// <summary>The active fleet managers and admins: who hears of damage.</summary>
    public static Task<List<int>> FleetManagersAsync(FleetPoolDb db, CancellationToken ct) =>
        UsersInRolesAsync(db, [Common.Roles.FleetManager, Common.Roles.Admin], null, ct);

    /// <summary>The active users holding any of the roles, optionally only those of one department.</summary>
    public static async Task<List<int>> UsersInRolesAsync(FleetPoolDb db, string[] roles, int? department, CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where roles.Contains(r.Name!) && u.IsActive && (department == null || u.DepartmentId == department)
               select u.Id).Distinct().ToListAsync(ct);

    /// <summary>Tells a booking's booker and named driver, except <paramref name="actorId"/> (who did it knows).</summary>
    public static async Task TellPartiesAsync(FleetPoolDb db, Bookings.Booking booking, int? actorId, string kind, Instant at, CancellationToken ct,
        params string[] arguments)
    {
        foreach (var user in new[] { booking.BookerId, booking.DriverId }.OfType<int>().Distinct().Where(u => u != actorId))
        {
            await TellAsync(db, user, booking.Id, kind, at, arguments, ct);
        }
    }
}
