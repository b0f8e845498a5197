namespace FleetPool.Core.Bookings;

/// <summary>
/// A booking's lifecycle: Reserved → CheckedOut → Returned, or Reserved → Cancelled, or Reserved → NoShow.
/// Reserved, CheckedOut and Returned hold their slot; Cancelled and NoShow free it.
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
}

/// <summary>Facts about statuses.</summary>
public static class BookingStatuses
{
    /// <summary>The statuses that hold a vehicle's slot.</summary>
    public static readonly BookingStatus[] HoldingSlot = [BookingStatus.Reserved, BookingStatus.CheckedOut, BookingStatus.Returned];

    /// <summary>
    /// The bookings that hold their vehicle's slot somewhere in [<paramref name="from"/>, <paramref name="blockedUntil"/>):
    /// the one definition of "overlaps" (half-open, buffer included) for every check that looks for a free vehicle.
    /// </summary>
    public static IQueryable<Booking> HoldingSlotIn(this IQueryable<Booking> bookings, NodaTime.Instant from, NodaTime.Instant blockedUntil) =>
        bookings.Where(b => HoldingSlot.Contains(b.Status) && b.Start < blockedUntil && from < b.BlockedUntil);
}
