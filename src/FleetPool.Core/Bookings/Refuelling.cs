using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// Fuel or charge put into a vehicle. Invariant: <see cref="Amount"/> &gt; 0, in the unit of the
/// <see cref="FuelTanked"/> (litres, kg for biogas and hydrogen, kWh for charging).
/// </summary>
public sealed class Refuelling
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The vehicle.</summary>
    public int VehicleId { get; set; }
    /// <summary>The booking during which it happened, if any.</summary>
    public int? BookingId { get; set; }
    /// <summary>When it was recorded.</summary>
    public Instant At { get; set; }
    /// <summary>The fuel actually tanked (an E85 car may be filled with petrol).</summary>
    public FuelType FuelTanked { get; set; }
    /// <summary>Amount in the fuel's refuel unit.</summary>
    public double Amount { get; set; }
}

/// <summary>
/// A damage or incident report on a vehicle. An open report flags the vehicle for the fleet manager. A travel
/// accident with injury ("färdolycksfall") is marked for the municipality's injury-reporting process.
/// </summary>
public sealed class DamageReport
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The vehicle.</summary>
    public int VehicleId { get; set; }
    /// <summary>The booking it happened on, if any.</summary>
    public int? BookingId { get; set; }
    /// <summary>Who reported it.</summary>
    public int ReportedById { get; set; }
    /// <summary>When it was reported.</summary>
    public Instant ReportedAt { get; set; }
    /// <summary>What happened.</summary>
    public required string Description { get; set; }
    /// <summary>True for a travel accident in which someone was hurt.</summary>
    public bool InjuryAccident { get; set; }
    /// <summary>How bad it is.</summary>
    public DamageSeverity Severity { get; set; }
    /// <summary>False when the reporter said the vehicle may not be used: it was taken out of use with the report.</summary>
    public bool VehicleUsable { get; set; } = true;
    /// <summary>When a fleet manager closed it; null while open.</summary>
    public Instant? ResolvedAt { get; set; }
}
