namespace FleetPool.Core.Fleet;

/// <summary>
/// One row of <c>fuel-types.csv</c> (sources in the file): whether the fuel makes a vehicle fossil-independent
/// (Miljöfordon Sverige), its well-to-wheel CO2e per km and per MJ, how refuelling is measured and the energy per unit.
/// </summary>
/// <param name="Key">The CSV's fuel_type column, e.g. "HVO100" or "EBike".</param>
/// <param name="FossilIndependent">At least 75 % renewable and sold widely.</param>
/// <param name="CleanLightVehicleUntil2025">Clean light vehicle under the EU directive until 2025-12-31.</param>
/// <param name="GramsCo2ePerKm">Well-to-wheel CO2e per vehicle-km.</param>
/// <param name="RefuelUnit">"l", "kg" or "kWh"; null when nothing is refuelled.</param>
/// <param name="MegajoulesPerUnit">Energy content of one refuel unit; null when nothing is refuelled.</param>
/// <param name="FossilFreeEnergyFraction">Share of the energy that is fossil-free, 0..1; null when not refuelled.</param>
/// <param name="GramsCo2ePerMegajoule">Well-to-wheel CO2e per MJ of this fuel (Energimyndigheten's lifecycle averages); null when not refuelled.</param>
/// <param name="IsEstimate">True when the CSV marks the figures as estimates.</param>
public sealed record FuelFacts(
    string Key,
    bool FossilIndependent,
    bool CleanLightVehicleUntil2025,
    double GramsCo2ePerKm,
    string? RefuelUnit,
    double? MegajoulesPerUnit,
    double? FossilFreeEnergyFraction,
    double? GramsCo2ePerMegajoule,
    bool IsEstimate);
