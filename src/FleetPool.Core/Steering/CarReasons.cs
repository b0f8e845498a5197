using FleetPool.Core.Fleet;

namespace FleetPool.Core.Steering;

/// <summary>
/// Why someone takes a car for a trip a bike could do, and the rules that ask for it. A reason is one of
/// <see cref="Codes"/> or free text. Invariants: a car or van for a one-way trip within
/// <see cref="SteeringOptions.EBikeMaxKm"/> needs a reason, except that <see cref="NoBikeAvailable"/> is set by the
/// system when no bike or e-bike is free; a fossil car needs a fossil reason while a suitable fossil-free one is free.
/// </summary>
public static class CarReasons
{
    /// <summary>Set automatically when no bike or e-bike is free at the site for the slot.</summary>
    public const string NoBikeAvailable = "noBikeAvailable";

    /// <summary>The listed reasons, in the order shown.</summary>
    public static readonly IReadOnlyList<string> Codes = ["passengers", "equipment", "health", "weather", "timeCritical", NoBikeAvailable];

    /// <summary>Reasons that rule a bike out whatever the fleet: such trips are not counted as e-bike demand.</summary>
    public static readonly IReadOnlySet<string> BikeImpossible = new HashSet<string>(["passengers", "equipment", "health"], StringComparer.Ordinal);

    /// <summary>True when booking a vehicle of this kind for this one-way distance needs a car reason.</summary>
    public static bool Required(VehicleKind kind, double? oneWayKm, SteeringOptions o) => kind.IsMotorVehicle() && oneWayKm is { } d && d <= o.EBikeMaxKm;

    /// <summary>True when the vehicle is a fossil-free car or van that can take the passengers the round trip.</summary>
    public static bool SuitsAsFossilFree(Vehicle v, int passengers, double? oneWayKm) =>
        v.Kind.IsMotorVehicle() && v.IsFossilIndependent && v.HasSeatsFor(passengers) && v.CoversRoundTrip(oneWayKm);
}
