using FleetPool.Core.Fleet;

namespace FleetPool.Core.Sustainability;

/// <summary>
/// The one rule for counting a car or light van as fossil-independent, by either definition. Invariant: whatever counts
/// in practice also counts officially (the recorded fuel is one the vehicle is approved for); bikes always count.
/// </summary>
public static class FossilIndependence
{
    /// <summary>Miljöfordon Sverige: the recorded fuel or any approved fuel is fossil-independent in <c>fuel-types.csv</c>.</summary>
    public static bool ByApproval(FuelType fuel, IEnumerable<FuelType> approved) =>
        FuelCatalog.IsFossilIndependent(fuel) || approved.Any(FuelCatalog.IsFossilIndependent);

    /// <summary>True when the vehicle counts under <paramref name="definition"/>.</summary>
    public static bool Counts(Vehicle vehicle, ShareDefinition definition) =>
        !vehicle.Kind.IsMotorVehicle() || vehicle.Fuel is not { } fuel
            ? vehicle.IsFossilIndependent
            : definition == ShareDefinition.Official ? ByApproval(fuel, vehicle.ApprovedFuels) : FuelCatalog.IsFossilIndependent(fuel);
}
