using NodaTime;

namespace FleetPool.Core.Organisation;

/// <summary>
/// A place where pool vehicles are picked up and returned. Invariants: latitude in [-90, 90], longitude in
/// [-180, 180]. A site with no <see cref="OpeningHours"/> is open around the clock (a key box); otherwise pick-up
/// and return must fall inside the day's hours, and never on a Swedish public holiday unless
/// <see cref="OpenOnHolidays"/>. The nullable rule fields override the organisation's defaults.
/// </summary>
public sealed class Site
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>Display name, e.g. "Kommunalhuset".</summary>
    public required string Name { get; set; }
    /// <summary>Street address.</summary>
    public required string Address { get; set; }
    /// <summary>WGS84 latitude in degrees.</summary>
    public double Latitude { get; set; }
    /// <summary>WGS84 longitude in degrees.</summary>
    public double Longitude { get; set; }
    /// <summary>Where and how to collect a vehicle here (e.g. where the key cabinet is), shown with every booking; at most 1,000 characters.</summary>
    public string? PickUpInstructions { get; set; }
    /// <summary>The key cabinet's code, shown to a booking's booker and driver only from its pick-up window on.</summary>
    public string? KeyCode { get; set; }
    /// <summary>True when pick-up and return are allowed on public holidays.</summary>
    public bool OpenOnHolidays { get; set; }
    /// <summary>The weekly opening hours; empty means always open.</summary>
    public List<OpeningHours> OpeningHours { get; set; } = [];
    /// <summary>Overrides the default minimum booking length, in minutes.</summary>
    public int? MinBookingMinutes { get; set; }
    /// <summary>Overrides the default maximum booking length, in hours.</summary>
    public int? MaxBookingHours { get; set; }
    /// <summary>Overrides how many days ahead one may book.</summary>
    public int? MaxDaysAhead { get; set; }
    /// <summary>Overrides the buffer between two bookings of one vehicle, in minutes.</summary>
    public int? BufferMinutes { get; set; }
}

/// <summary>One weekday's opening hours at a site. Invariant: <see cref="Opens"/> &lt; <see cref="Closes"/>.</summary>
public sealed class OpeningHours
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The site.</summary>
    public int SiteId { get; set; }
    /// <summary>The weekday (ISO: Monday is 1).</summary>
    public IsoDayOfWeek Day { get; set; }
    /// <summary>First minute a vehicle may be picked up or returned.</summary>
    public LocalTime Opens { get; set; }
    /// <summary>Last minute a vehicle may be picked up or returned (inclusive).</summary>
    public LocalTime Closes { get; set; }
}
