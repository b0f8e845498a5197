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

    /// <summary>
    /// Which reasons booking <paramref name="vehicle"/> needs: a car reason for a car within the e-bike threshold while
    /// another bike or e-bike is free; a fossil reason for a fossil car while another suitable fossil-free car is free.
    /// The one definition that booking enforces (<see cref="TripSteering"/>) and availability answers with.
    /// </summary>
    public static ReasonsNeeded Needed(Vehicle vehicle, double? oneWayKm, FreeAlternatives free, SteeringOptions o) => new(
        Required(vehicle.Kind, oneWayKm, o) && free.HasBikeBesides(vehicle.Id),
        vehicle.Kind.IsMotorVehicle() && !vehicle.IsFossilIndependent && free.HasFossilFreeCarBesides(vehicle.Id));
}

/// <summary>The reasons a booking needs before it can be made.</summary>
public readonly record struct ReasonsNeeded(bool CarReason, bool FossilReason)
{
    /// <summary>True when neither is needed.</summary>
    public bool None => !CarReason && !FossilReason;
}

/// <summary>
/// The free vehicles a booker could take instead, as far as the reasons care: bikes and e-bikes, and fossil-free cars
/// that take the passengers the round trip. At most two of each are kept: "another one besides this" needs no more.
/// </summary>
public sealed class FreeAlternatives
{
    private readonly List<int> _bikes = [];
    private readonly List<int> _fossilFreeCars = [];

    /// <summary>Sorts the free vehicles for a trip of <paramref name="passengers"/> and <paramref name="oneWayKm"/>.</summary>
    public static FreeAlternatives Of(IEnumerable<Vehicle> free, int passengers, double? oneWayKm)
    {
        var alternatives = new FreeAlternatives();
        foreach (var v in free)
        {
            if (v.Kind is VehicleKind.Bike or VehicleKind.EBike && alternatives._bikes.Count < 2)
            {
                alternatives._bikes.Add(v.Id);
            }
            else if (CarReasons.SuitsAsFossilFree(v, passengers, oneWayKm) && alternatives._fossilFreeCars.Count < 2)
            {
                alternatives._fossilFreeCars.Add(v.Id);
            }
        }
        return alternatives;
    }

    /// <summary>True when a bike or e-bike other than <paramref name="vehicleId"/> is free.</summary>
    public bool HasBikeBesides(int vehicleId) => _bikes.Exists(id => id != vehicleId);

    /// <summary>True when a suitable fossil-free car other than <paramref name="vehicleId"/> is free.</summary>
    public bool HasFossilFreeCarBesides(int vehicleId) => _fossilFreeCars.Exists(id => id != vehicleId);
}
