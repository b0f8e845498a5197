using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Bookings.Waitlist;

/// <summary>Where a place in line stands.</summary>
public enum WaitlistStatus
{
    /// <summary>In line.</summary>
    Waiting,
    /// <summary>A vehicle is held for them (<see cref="WaitlistEntry.OfferBookingId"/>) until <see cref="WaitlistEntry.OfferExpiresAt"/>.</summary>
    Offered,
    /// <summary>They took the offer: the booking is theirs.</summary>
    Claimed,
    /// <summary>They said no to the offer; it moved on.</summary>
    Declined,
    /// <summary>The offer was not claimed in time; it moved on.</summary>
    Expired,
    /// <summary>They left the line.</summary>
    Left,
    /// <summary>The slot began with nothing freed.</summary>
    Lapsed,
}

/// <summary>
/// A place in line for a slot at a site: a vehicle of <see cref="Kind"/> with the seats, the range for the trip and (unless
/// <see cref="AcceptFossil"/>) fossil-free. Invariants: the line is first come, first served (<see cref="CreatedAt"/>, then
/// <see cref="Id"/>); an entry has at most one offer at a time, and an offer is a slot-holding booking (status
/// <see cref="BookingStatus.Offered"/>), so the no-double-booking guarantee covers it; its reasons were checked when it joined.
/// </summary>
public sealed class WaitlistEntry
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>Who waits (and drives).</summary>
    public int UserId { get; set; }
    /// <summary>The pick-up site.</summary>
    public int SiteId { get; set; }
    /// <summary>The kind of vehicle wanted.</summary>
    public VehicleKind Kind { get; set; }
    /// <summary>Pick-up time.</summary>
    public Instant Start { get; set; }
    /// <summary>Return time.</summary>
    public Instant End { get; set; }
    /// <summary>How many travel.</summary>
    public int Passengers { get; set; } = 1;
    /// <summary>One-way distance, km.</summary>
    public double DistanceKm { get; set; }
    /// <summary>What the trip is for.</summary>
    public required string Purpose { get; set; }
    /// <summary>The cost centre charged.</summary>
    public int CostCenterId { get; set; }
    /// <summary>True when a fossil car will do (then <see cref="FossilReason"/> is set).</summary>
    public bool AcceptFossil { get; set; }
    /// <summary>Why a car for a trip a bike could do.</summary>
    public string? CarReason { get; set; }
    /// <summary>Why a fossil car will do.</summary>
    public string? FossilReason { get; set; }
    /// <summary>Where it stands.</summary>
    public WaitlistStatus Status { get; set; }
    /// <summary>When they joined: their place in line.</summary>
    public Instant CreatedAt { get; set; }
    /// <summary>The booking held for them, while offered (and after: the claimed or lapsed booking).</summary>
    public int? OfferBookingId { get; set; }
    /// <summary>Until when the offer is held.</summary>
    public Instant? OfferExpiresAt { get; set; }
    /// <summary>When the entry left the line (claimed, declined, expired, left, lapsed).</summary>
    public Instant? ClosedAt { get; set; }
}
