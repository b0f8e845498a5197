using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Core.Notifications;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet.Maintenance;

/// <summary>
/// Moving a booking off a vehicle that leaves service (a workshop window, retirement): the one rule for "an equivalent
/// vehicle" and the one way the booker is told. Invariants: the target is at the same site, of the same kind, active, fits
/// the trip (<see cref="Bookings.TripFit"/>: the booking's passengers, else the leaving vehicle's seats; the range for its
/// distance), no less fossil-free, and free for the booking's whole slot (buffer included) — checked inside the caller's
/// write transaction; fossil-free targets come first.
/// </summary>
internal static class VehicleMoves
{
    /// <summary>A free equivalent vehicle for the booking, or null when none is free.</summary>
    public static async Task<Vehicle?> EquivalentAsync(FleetPoolDb db, Vehicle leaving, Booking booking, CancellationToken ct)
    {
        var candidates = await db.Vehicles.AsNoTracking().Where(v => v.Id != leaving.Id && v.SiteId == leaving.SiteId && v.Kind == leaving.Kind
            && v.Status == VehicleStatus.Active).OrderBy(v => v.Name).ToListAsync(ct);
        foreach (var v in candidates.Where(v => v.IsFossilIndependent || !leaving.IsFossilIndependent).OrderBy(v => v.IsFossilIndependent ? 0 : 1))
        {
            if (await BookingGate.MayMoveAsync(db, booking, leaving, v, ct))
            {
                return v;
            }
        }
        return null;
    }

    /// <summary>Moves the booking through the gate to a free equivalent vehicle (inside the caller's write lock); null when none is free.</summary>
    public static async Task<Vehicle?> MoveAsync(FleetPoolDb db, Vehicle leaving, Booking booking, CancellationToken ct)
    {
        if (await EquivalentAsync(db, leaving, booking, ct) is not { } target)
        {
            return null;
        }
        BookingGate.Move(booking, target);
        return target;
    }

    /// <summary>
    /// Takes a vehicle's coming bookings off it (it is out of use with no end: damaged, or sent to the workshop): each is moved
    /// to an equivalent vehicle free then, or cancelled (a waitlist offer always is), and its booker told why.
    /// </summary>
    public static async Task ClearComingAsync(FleetPoolDb db, Vehicle vehicle, int? exceptBookingId, string why, Instant now, OrganisationTime time, CancellationToken ct)
    {
        var coming = await db.Bookings.Where(b => b.VehicleId == vehicle.Id && b.End > now && b.Id != exceptBookingId
            && (b.Status == BookingStatus.Reserved || b.Status == BookingStatus.Pending || b.Status == BookingStatus.Offered)).OrderBy(b => b.Start).ToListAsync(ct);
        foreach (var booking in coming)
        {
            if (booking.Status != BookingStatus.Offered && await MoveAsync(db, vehicle, booking, ct) is { } target)
            {
                await TellMovedAsync(db, booking, vehicle.Name, target.Name, why, now, time, ct);
            }
            else
            {
                (booking.Status, booking.ClosedAt) = (BookingStatus.Cancelled, now);
                await TellCancelledAsync(db, booking, vehicle.Name, why, now, time, ct);
            }
            await db.SaveChangesAsync(ct); // the next booking's check sees this one where it went
        }
    }

    /// <summary>Tells the booker (and a named driver) that their booking moved to another vehicle.</summary>
    public static Task TellMovedAsync(FleetPoolDb db, Booking booking, string from, string to, string why, Instant now, OrganisationTime time, CancellationToken ct) =>
        Notices.TellPartiesAsync(db, booking, null, "bookingMoved", now, ct, from, time.Format(booking.Start), to, why);

    /// <summary>Tells the booker (and a named driver) that their booking was cancelled by the fleet.</summary>
    public static Task TellCancelledAsync(FleetPoolDb db, Booking booking, string vehicle, string why, Instant now, OrganisationTime time, CancellationToken ct) =>
        Notices.TellPartiesAsync(db, booking, null, "bookingCancelledByFleet", now, ct, vehicle, time.Format(booking.Start), why);
}
