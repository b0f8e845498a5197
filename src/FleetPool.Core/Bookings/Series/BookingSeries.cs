using NodaTime;

namespace FleetPool.Core.Bookings.Series;

/// <summary>
/// A repeating trip: the template its occurrences are booked from, and how far they have been booked. Invariants: every
/// occurrence is an ordinary <see cref="Booking"/> with <see cref="Booking.SeriesId"/> set (so the no-double-booking
/// guarantee and every report see it like any other); the dates are those from <see cref="FirstDate"/> to
/// <see cref="LastDate"/> matching <see cref="DaysMask"/>; dates up to <see cref="BookedThrough"/> have been tried (booked
/// or reported as not bookable), later ones are tried as the site's "book ahead" horizon reaches them; like a booking, a
/// confidential destination keeps only the distance.
/// </summary>
public sealed class BookingSeries
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>Who made the series (the booker of every occurrence).</summary>
    public int BookerId { get; set; }
    /// <summary>Who drives, when not the booker.</summary>
    public int? DriverId { get; set; }
    /// <summary>The vehicle occurrences are booked on from now on.</summary>
    public int VehicleId { get; set; }
    /// <summary>The cost centre charged.</summary>
    public int CostCenterId { get; set; }
    /// <summary>What the trips are for.</summary>
    public required string Purpose { get; set; }
    /// <summary>One-way distance, km (as steered when the series was made).</summary>
    public double DistanceKm { get; set; }
    /// <summary>Destination text, unless confidential.</summary>
    public string? Destination { get; set; }
    /// <summary>The registry place, unless it or the series is confidential.</summary>
    public int? DestinationPlaceId { get; set; }
    /// <summary>Why a car for trips a bike could do (the booker's answer).</summary>
    public string? CarReason { get; set; }
    /// <summary>Why a fossil car while a fossil-free one was free.</summary>
    public string? FossilReason { get; set; }
    /// <summary>Answer to "could this be a digital meeting or a public-transport trip?".</summary>
    public string? AlternativeCheck { get; set; }
    /// <summary>How many travel, when given.</summary>
    public int? Passengers { get; set; }
    /// <summary>Weekdays or weekly.</summary>
    public RepeatEvery Every { get; set; }
    /// <summary>The days it repeats on: bit 0 Monday … bit 6 Sunday.</summary>
    public int DaysMask { get; set; }
    /// <summary>The first occurrence's date.</summary>
    public LocalDate FirstDate { get; set; }
    /// <summary>The last date an occurrence may fall on (the "until" date, or the count's last date).</summary>
    public LocalDate LastDate { get; set; }
    /// <summary>The count asked for, when the series was made "for N trips".</summary>
    public int? Count { get; set; }
    /// <summary>Pick-up time of day, Europe/Stockholm (the same wall-clock time across DST).</summary>
    public LocalTime StartTime { get; set; }
    /// <summary>Return time of day.</summary>
    public LocalTime EndTime { get; set; }
    /// <summary>Days from pick-up date to return date (0 for a same-day trip).</summary>
    public int EndDayOffset { get; set; }
    /// <summary>Dates up to this one have been tried.</summary>
    public LocalDate BookedThrough { get; set; }
    /// <summary>When it was made.</summary>
    public Instant CreatedAt { get; set; }
    /// <summary>When it was cancelled as a whole; null while it runs.</summary>
    public Instant? EndedAt { get; set; }
    /// <summary>When the retention purge removed the destination and free text; null before.</summary>
    public Instant? PersonalDataRemovedAt { get; set; }

    /// <summary>True while dates remain to be tried.</summary>
    public bool IsRunning => EndedAt is null && BookedThrough < LastDate;
}
