namespace FleetPool.Core.Bookings;

/// <summary>
/// A booking's lifecycle: Reserved → CheckedOut → Returned, or Reserved → Cancelled, or Reserved → NoShow; a waitlist
/// offer is Offered → Reserved (claimed) or → Cancelled (declined or lapsed); a booking that needs approval is Pending →
/// Reserved (approved) or → Cancelled (declined or lapsed); a planned workshop visit is Maintenance (a fleet manager's
/// window, not a trip). Reserved, CheckedOut, Returned, Offered, Pending and Maintenance hold their slot; Cancelled and
/// NoShow free it.
/// </summary>
public enum BookingStatus
{
    /// <summary>Booked, not yet picked up.</summary>
    Reserved,
    /// <summary>Picked up and under way.</summary>
    CheckedOut,
    /// <summary>Brought back; the slot is held until the return time plus the buffer.</summary>
    Returned,
    /// <summary>Cancelled before pick-up; the slot is free.</summary>
    Cancelled,
    /// <summary>Never picked up; the slot is free.</summary>
    NoShow,
    /// <summary>Held for the first person on the waitlist until they claim it or the offer lapses.</summary>
    Offered,
    /// <summary>Waiting for an approver's yes; holds the slot until decided or until its deadline.</summary>
    Pending,
    /// <summary>A planned workshop visit: the vehicle is out of use for the window; not a trip.</summary>
    Maintenance,
}

/// <summary>Facts about statuses.</summary>
public static class BookingStatuses
{
    /// <summary>The statuses that hold a vehicle's slot.</summary>
    public static readonly BookingStatus[] HoldingSlot =
        [BookingStatus.Reserved, BookingStatus.CheckedOut, BookingStatus.Returned, BookingStatus.Offered, BookingStatus.Pending, BookingStatus.Maintenance];

    /// <summary>The statuses of a trip someone has (or had) the vehicle for: what utilisation counts.</summary>
    public static readonly BookingStatus[] Trips = [BookingStatus.Reserved, BookingStatus.CheckedOut, BookingStatus.Returned];

    /// <summary>
    /// The bookings that hold their vehicle's slot somewhere in [<paramref name="from"/>, <paramref name="blockedUntil"/>):
    /// the one definition of "overlaps" (half-open, buffer included) for every check that looks for a free vehicle.
    /// </summary>
    public static IQueryable<Booking> HoldingSlotIn(this IQueryable<Booking> bookings, NodaTime.Instant from, NodaTime.Instant blockedUntil) =>
        bookings.Where(b => HoldingSlot.Contains(b.Status) && b.Start < blockedUntil && from < b.BlockedUntil);
}
