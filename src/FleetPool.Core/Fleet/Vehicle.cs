using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>
/// A pool vehicle. Invariants: cars and vans have a <see cref="Fuel"/> (bikes have none, or
/// <see cref="FuelType.Electric"/> for assist); <see cref="IsFossilIndependent"/> is derived from the fuel, never
/// stored; <see cref="LastOdometerKm"/> only grows; a retired vehicle has <see cref="RetiredOn"/> set and is never
/// bookable again; <see cref="Seats"/> is at least 1.
/// </summary>
public sealed class Vehicle
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>Car, van, e-bike, bike or cargo bike.</summary>
    public VehicleKind Kind { get; set; }
    /// <summary>Display name, e.g. "Kia e-Niro (ABC 123)" or "Elcykel 4".</summary>
    public required string Name { get; set; }
    /// <summary>Registration number for cars and vans; null for bikes.</summary>
    public string? Registration { get; set; }
    /// <summary>The site it is picked up from.</summary>
    public int SiteId { get; set; }
    /// <summary>The owning department.</summary>
    public int DepartmentId { get; set; }
    /// <summary>The fuel it is recorded for; null for a bike without assist.</summary>
    public FuelType? Fuel { get; set; }
    /// <summary>Other fuels it is type-approved for (e.g. a diesel approved for HVO100).</summary>
    public List<FuelType> ApprovedFuels { get; set; } = [];
    /// <summary>Range on a full tank or charge, km; null when not meaningful.</summary>
    public int? RangeKm { get; set; }
    /// <summary>Seats including the driver's.</summary>
    public int Seats { get; set; } = 1;
    /// <summary>Active, in maintenance or retired.</summary>
    public VehicleStatus Status { get; set; }
    /// <summary>When it joined the fleet.</summary>
    public LocalDate AcquiredOn { get; set; }
    /// <summary>When it left the fleet; set exactly when <see cref="Status"/> is retired.</summary>
    public LocalDate? RetiredOn { get; set; }
    /// <summary>When its status last changed.</summary>
    public Instant? StatusChangedAt { get; set; }
    /// <summary>For a fossil vehicle: when the phase-out plan retires it.</summary>
    public LocalDate? PlannedRetirementOn { get; set; }
    /// <summary>For a fossil vehicle: the fuel type of its planned replacement.</summary>
    public FuelType? ReplacementFuel { get; set; }
    /// <summary>The highest odometer reading recorded, km.</summary>
    public int LastOdometerKm { get; set; }

    /// <summary>Derived from the fuel type (Miljöfordon Sverige's definition); bikes are fossil-free.</summary>
    public bool IsFossilIndependent => FuelCatalog.For(Kind, Fuel).FossilIndependent;

    /// <summary>True when the vehicle seats this many people.</summary>
    public bool HasSeatsFor(int passengers) => Seats >= passengers;

    /// <summary>True when its range covers the round trip of a one-way distance (or either is unknown).</summary>
    public bool CoversRoundTrip(double? oneWayKm) => oneWayKm is not { } d || RangeKm is not { } range || range >= 2 * d;

    /// <summary>True when status and dates allow a booking at all.</summary>
    public bool IsBookable => Status == VehicleStatus.Active;
}
