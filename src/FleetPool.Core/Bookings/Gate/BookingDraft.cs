using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Steering;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// What a path asks the gate for: a booking of <see cref="Vehicle"/> for [<see cref="Start"/>, <see cref="End"/>), new or
/// a change to <see cref="Existing"/>. <see cref="Trip"/> carries the trip as a booking request would (distance or place,
/// passengers, reasons, purpose, alternative check).
/// </summary>
internal sealed record BookingDraft(BookingPath Path, Vehicle Vehicle, Site Site, AppUser? Driver, Instant Start, Instant End, BookingRequest Trip)
{
    /// <summary>The booking being changed, tracked; null for a new one.</summary>
    public Booking? Existing { get; init; }
    /// <summary>Who books (a new booking).</summary>
    public int BookerId { get; init; }
    /// <summary>The cost centre charged (a new booking).</summary>
    public int CostCenterId { get; init; }
    /// <summary>The series a new occurrence belongs to.</summary>
    public int? SeriesId { get; init; }
}

/// <summary>A draft that passed the rules before the lock: the rules in force, the slot's end buffer included, and the trip's facts.</summary>
internal sealed record BookingPlan(BookingDraft Draft, BookingRuleSet Rules, Instant BlockedUntil, TripFacts Facts);
