using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// A reservation of one vehicle for the half-open interval [<see cref="Start"/>, <see cref="End"/>).
/// Invariants: Start &lt; End; <see cref="BlockedUntil"/> = End + the buffer in force when it was made (or the
/// return time + buffer after an early return), and no two slot-holding bookings of one vehicle have overlapping
/// [Start, BlockedUntil); either <see cref="DistanceKm"/> or <see cref="Destination"/> is set; status moves only
/// along the lifecycle in <see cref="BookingStatus"/>.
/// </summary>
public sealed class Booking
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The vehicle.</summary>
    public int VehicleId { get; set; }
    /// <summary>Pick-up time (inclusive).</summary>
    public Instant Start { get; set; }
    /// <summary>Return time (exclusive).</summary>
    public Instant End { get; set; }
    /// <summary>The end of the slot this booking holds, buffer included.</summary>
    public Instant BlockedUntil { get; set; }
    /// <summary>Where it stands in its lifecycle.</summary>
    public BookingStatus Status { get; set; }
    /// <summary>Who booked.</summary>
    public int BookerId { get; set; }
    /// <summary>Who drives, when not the booker.</summary>
    public int? DriverId { get; set; }
    /// <summary>What the trip is for.</summary>
    public required string Purpose { get; set; }
    /// <summary>The cost centre charged.</summary>
    public int CostCenterId { get; set; }
    /// <summary>One-way trip distance in km, when known.</summary>
    public double? DistanceKm { get; set; }
    /// <summary>How many travel, driver included, when the booker said: a later change of vehicle keeps to it (<see cref="TripFit"/>).</summary>
    public int? Passengers { get; set; }
    /// <summary>Destination as entered, unless it is confidential.</summary>
    public string? Destination { get; set; }
    /// <summary>Why a car for a trip a bike could do.</summary>
    public string? CarReason { get; set; }
    /// <summary>Why a fossil car while a fossil-free one was free.</summary>
    public string? FossilReason { get; set; }
    /// <summary>The registry place driven to, unless it or the booking is confidential (then only the distance is kept).</summary>
    public int? DestinationPlaceId { get; set; }
    /// <summary>Expected CO2e of the round trip when booked, grams: 2 × distance × the vehicle's g/km.</summary>
    public double? EstimatedCo2eGrams { get; set; }
    /// <summary>Km actually travelled, set at check-in (odometer, or the round trip for bikes).</summary>
    public double? ActualKm { get; set; }
    /// <summary>CO2e actually caused, grams, from the fuel actually used; set at check-in.</summary>
    public double? ActualCo2eGrams { get; set; }
    /// <summary>When the retention purge removed the destination and free text; null before.</summary>
    public Instant? PersonalDataRemovedAt { get; set; }
    /// <summary>Answer to "could this be a digital meeting or a public-transport trip?".</summary>
    public string? AlternativeCheck { get; set; }
    /// <summary>When it was made.</summary>
    public Instant CreatedAt { get; set; }
    /// <summary>When it was picked up.</summary>
    public Instant? CheckedOutAt { get; set; }
    /// <summary>When it was brought back.</summary>
    public Instant? ReturnedAt { get; set; }
    /// <summary>When it was cancelled or marked as a no-show.</summary>
    public Instant? ClosedAt { get; set; }
    /// <summary>The series this booking is an occurrence of; null for a single booking.</summary>
    public int? SeriesId { get; set; }
    /// <summary>Odometer at pick-up, km.</summary>
    public int? OdometerOutKm { get; set; }
    /// <summary>Odometer at return, km.</summary>
    public int? OdometerInKm { get; set; }
    /// <summary>Battery at pick-up, percent (electric and plug-in hybrids).</summary>
    public int? BatteryOutPercent { get; set; }
    /// <summary>Battery at return, percent.</summary>
    public int? BatteryInPercent { get; set; }
    /// <summary>Fuel at pick-up, eighths of a tank.</summary>
    public int? FuelOutEighths { get; set; }
    /// <summary>Fuel at return, eighths of a tank.</summary>
    public int? FuelInEighths { get; set; }

    /// <summary>The person whose licence counts: the driver, or else the booker.</summary>
    public int EffectiveDriverId => DriverId ?? BookerId;

    /// <summary>Km driven, when both readings exist.</summary>
    public int? DrivenKm => OdometerInKm - OdometerOutKm;
}
