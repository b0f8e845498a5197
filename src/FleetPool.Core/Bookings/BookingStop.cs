namespace FleetPool.Core.Bookings;

/// <summary>
/// One stop of a multi-stop round, in the order driven (<see cref="Seq"/> from 1). Invariants: a confidential place keeps
/// no id here (only that a protected stop is there, and its share of the km in <see cref="Booking.DistanceKm"/>); the
/// retention purge removes a booking's stops with its destination.
/// </summary>
public sealed class BookingStop
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The booking.</summary>
    public int BookingId { get; set; }
    /// <summary>Its place in the order driven, from 1.</summary>
    public int Seq { get; set; }
    /// <summary>The registry place; null for a confidential one.</summary>
    public int? PlaceId { get; set; }
    /// <summary>True when the stop is a protected address.</summary>
    public bool Confidential { get; set; }
}
