namespace FleetPool.Core.Steering;

/// <summary>
/// A known destination (a school, a care home, the town hall) with coordinates, so a trip's distance can be estimated
/// from its site. Invariants: name unique; latitude in [-90, 90], longitude in [-180, 180]. A confidential place (e.g.
/// a protected address) is never stored on a booking: only the distance is.
/// </summary>
public sealed class Place
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>Display name, unique.</summary>
    public required string Name { get; set; }
    /// <summary>Street address, if useful to the booker.</summary>
    public string? Address { get; set; }
    /// <summary>WGS84 latitude in degrees.</summary>
    public double Latitude { get; set; }
    /// <summary>WGS84 longitude in degrees.</summary>
    public double Longitude { get; set; }
    /// <summary>True when a booking to it keeps only the distance, and only <see cref="ConfidentialPlaces"/>' insiders may locate it.</summary>
    public bool Confidential { get; set; }
    /// <summary>The department that owns a confidential place: its members (and units below it) may locate the place.</summary>
    public int? OwnerUnitId { get; set; }
}
