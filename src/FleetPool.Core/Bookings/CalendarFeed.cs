using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// One booking as a calendar event. <see cref="Cancelled"/> events stay in the feed so calendars remove them; a booking
/// awaiting approval or a waitlist offer not yet taken is <see cref="Tentative"/>.
/// </summary>
public sealed record CalendarEntry(int BookingId, string VehicleName, string Site, Instant Start, Instant End, string Purpose, bool Cancelled,
    string SiteAddress = "", string? PickUpInstructions = null, bool Tentative = false);

/// <summary>
/// The bookings behind a personal iCal feed: the token's owner's bookings from 30 days back to 180 days ahead.
/// Invariant: an unknown token, or one of a deactivated user, finds nothing (not found).
/// </summary>
public sealed class CalendarFeed(IDbContextFactory<FleetPoolDb> dbs, IClock clock)
{
    /// <summary>The feed's events, or not found.</summary>
    public async Task<Outcome<IReadOnlyList<CalendarEntry>>> EntriesAsync(string token, CancellationToken ct = default)
    {
        if (token.Length != 48)
        {
            return Problem.NotFound("User");
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        var userId = await db.Users.Where(u => u.CalendarToken == token && u.IsActive).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (userId is not { } id)
        {
            return Problem.NotFound("User");
        }
        var now = clock.GetCurrentInstant();
        var (since, until) = (now - Duration.FromDays(30), now + Duration.FromDays(180));
        return await (from b in db.Bookings.AsNoTracking()
                      join v in db.Vehicles on b.VehicleId equals v.Id
                      join s in db.Sites on v.SiteId equals s.Id
                      where (b.BookerId == id || b.DriverId == id) && b.Status != BookingStatus.Maintenance && b.Start < until && b.End > since
                      orderby b.Start
                      select new CalendarEntry(b.Id, v.Name, s.Name, b.Start, b.End, b.Purpose,
                          b.Status == BookingStatus.Cancelled || b.Status == BookingStatus.NoShow, s.Address, s.PickUpInstructions,
                          b.Status == BookingStatus.Pending || b.Status == BookingStatus.Offered)).ToListAsync(ct);
    }
}
