using FleetPool.Core.Fleet;

namespace FleetPool.Core.Energy;

/// <summary>
/// Reads the product names of fuel-card and charger files ("Diesel", "HVO100", "Bensin 95", "Fordonsgas", "El", …) and
/// says which fuels a vehicle can take. Invariant: a product is read by its words, never guessed: an unknown name is an
/// error naming the line.
/// </summary>
public static class EnergyProducts
{
    private static readonly (string Word, FuelType Fuel)[] Words =
    [
        ("hvo", FuelType.Hvo100), ("e85", FuelType.E85), ("etanol", FuelType.E85), ("ethanol", FuelType.E85),
        ("diesel", FuelType.Diesel), ("mk1", FuelType.Diesel), ("bensin", FuelType.Petrol), ("petrol", FuelType.Petrol), ("95", FuelType.Petrol),
        ("98", FuelType.Petrol), ("blyfri", FuelType.Petrol), ("fordonsgas", FuelType.Biogas), ("biogas", FuelType.Biogas), ("cng", FuelType.Biogas),
        ("vätgas", FuelType.Hydrogen), ("hydrogen", FuelType.Hydrogen), ("h2", FuelType.Hydrogen), ("laddning", FuelType.Electric),
        ("charging", FuelType.Electric), ("el", FuelType.Electric), ("electricity", FuelType.Electric), ("kwh", FuelType.Electric),
    ];

    /// <summary>The fuel a product name means, or null when it names none.</summary>
    public static FuelType? Read(string product)
    {
        var words = product.ToLowerInvariant().Split([' ', '-', '_', '/', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries);
        foreach (var (word, fuel) in Words)
        {
            if (words.Any(w => w == word || word.Length > 2 && w.StartsWith(word, StringComparison.Ordinal)))
            {
                return fuel;
            }
        }
        return null;
    }

    /// <summary>True when the vehicle can take the fuel: its own, an approved one, petrol for flexifuel and plug-in hybrids, diesel for HVO100.</summary>
    public static bool Fits(Vehicle v, FuelType fuel) => v.Fuel == fuel || v.ApprovedFuels.Contains(fuel) || (v.Fuel, fuel) switch
    {
        (FuelType.PluginHybrid, FuelType.Petrol or FuelType.Electric) => true,
        (FuelType.E85, FuelType.Petrol) => true,
        (FuelType.Hvo100, FuelType.Diesel) => true,
        _ => false,
    };

    /// <summary>
    /// The most one fill or session can plausibly hold, in the fuel's unit, with a tenth to spare: a car's tank about 70 l,
    /// a van's 90 l; 40 kg of vehicle gas; a battery 100 kWh (a van's 90, a plug-in hybrid's 25, an e-bike's 1); 7 kg of hydrogen.
    /// </summary>
    public static double MaxPerFill(Vehicle v, FuelType fuel) => 1.1 * (fuel, v.Kind, v.Fuel) switch
    {
        (FuelType.Electric, VehicleKind.EBike or VehicleKind.CargoBike, _) => 1,
        (FuelType.Electric, _, FuelType.PluginHybrid) => 25,
        (FuelType.Electric, VehicleKind.Van, _) => 90,
        (FuelType.Electric, _, _) => 100,
        (FuelType.Biogas, _, _) => 40,
        (FuelType.Hydrogen, _, _) => 7,
        (_, VehicleKind.Van, _) => 90,
        _ => 70,
    };
}
