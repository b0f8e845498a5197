using System.ComponentModel.DataAnnotations;
using FleetPool.Core.Organisation;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>The organisation's default booking rules (settings section <c>Booking</c>); a site may override each.</summary>
public sealed class BookingRuleDefaults
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Booking";

    /// <summary>Shortest booking, minutes.</summary>
    [Range(1, 24 * 60)] public int MinBookingMinutes { get; set; } = 15;
    /// <summary>Longest booking, hours.</summary>
    [Range(1, 24 * 60)] public int MaxBookingHours { get; set; } = 120;
    /// <summary>How far ahead one may book, days.</summary>
    [Range(1, 730)] public int MaxDaysAhead { get; set; } = 90;
    /// <summary>Gap kept free after each booking of a vehicle (cleaning, charging), minutes.</summary>
    [Range(0, 24 * 60)] public int BufferMinutes { get; set; } = 15;
    /// <summary>How long before the start a vehicle may be picked up, minutes.</summary>
    [Range(0, 24 * 60)] public int EarlyCheckoutMinutes { get; set; } = 30;

    /// <summary>When a booking starting at <paramref name="start"/> may be picked up: the one definition of the pick-up window's opening.</summary>
    public NodaTime.Instant PickUpOpens(NodaTime.Instant start) => start - NodaTime.Duration.FromMinutes(EarlyCheckoutMinutes);
    /// <summary>A reservation not picked up this long after its start becomes a no-show and frees the vehicle, minutes.</summary>
    [Range(5, 24 * 60)] public int NoShowAfterMinutes { get; set; } = 30;
    /// <summary>Fastest average speed a trip's odometer km may imply (check-in time minus check-out time), km/h.</summary>
    [Range(10, 300)] public int MaxAverageKmh { get; set; } = 130;
    /// <summary>Km a reading may exceed what speed or range allows (odometers round, clocks drift).</summary>
    [Range(0, 100)] public int OdometerAllowanceKm { get; set; } = 5;
    /// <summary>Most km a check-out reading may be above the vehicle's last reading (workshop test drives, unrecorded moves).</summary>
    [Range(0, 100_000)] public int MaxOdometerGapKm { get; set; } = 1000;
    /// <summary>
    /// Km a check-out reading may be above the vehicle's last reading and still move it; more is accepted for the trip but
    /// waits for a fleet manager's confirmation (the vehicle's reading is corrected with a reason) instead of moving it.
    /// </summary>
    [Range(0, 100_000)] public int UnconfirmedGapKm { get; set; } = 50;
    /// <summary>Fastest average speed a bike's or e-bike's odometer km may imply, km/h (pedal assist stops at 25 km/h).</summary>
    [Range(5, 100)] public int MaxBikeAverageKmh { get; set; } = 40;
}

/// <summary>The rules in force at one site: its overrides on top of the defaults.</summary>
public sealed record BookingRuleSet(Duration MinLength, Duration MaxLength, Duration MaxAhead, Duration Buffer, Duration EarlyCheckout)
{
    /// <summary>The rules for a site.</summary>
    public static BookingRuleSet For(Site site, BookingRuleDefaults d) => new(
        Duration.FromMinutes(site.MinBookingMinutes ?? d.MinBookingMinutes),
        Duration.FromHours(site.MaxBookingHours ?? d.MaxBookingHours),
        Duration.FromDays(site.MaxDaysAhead ?? d.MaxDaysAhead),
        Duration.FromMinutes(site.BufferMinutes ?? d.BufferMinutes),
        Duration.FromMinutes(d.EarlyCheckoutMinutes));
}
