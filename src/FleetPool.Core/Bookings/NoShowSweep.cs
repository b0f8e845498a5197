using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// Marks reservations that were never picked up as no-shows, freeing their vehicles, and tells each booker in the inbox.
/// Idempotent: a second run finds nothing; safe to run on several instances at once (each row changes status at most once).
/// </summary>
public sealed class NoShowSweep(IDbContextFactory<FleetPoolDb> dbs, IClock clock, IOptions<BookingRuleDefaults> defaults, Time.OrganisationTime time,
    Waitlist.WaitlistService waitlist)
{
    /// <summary>Marks every reservation whose start is <c>NoShowAfterMinutes</c> or more in the past; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var cutoff = now - Duration.FromMinutes(defaults.Value.NoShowAfterMinutes);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var late = await db.Bookings.Where(b => b.Status == BookingStatus.Reserved && b.Start <= cutoff).ToListAsync(ct);
        late.ForEach(b => (b.Status, b.ClosedAt) = (BookingStatus.NoShow, now));
        var names = await db.Vehicles.Where(v => late.Select(b => b.VehicleId).Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        Notifications.BookingNotices.NoShows(db, late.Select(b => (b.BookerId, b.Id, names[b.VehicleId], time.Format(b.Start))), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await tx.DisposeAsync(); // the offer pass takes the write lock itself (on SQLite, the one writer's gate)
        if (late.Count > 0)
        {
            await waitlist.OfferFreedAsync(ct); // the rest of a no-show's slot may be what someone waits for
        }
        return late.Count;
    }
}
