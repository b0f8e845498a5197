using System.Globalization;

namespace FleetPool.Core.Fleet;

/// <summary>
/// The fuel facts shipped with Core (a copy of <c>shared/data/fuel-types.csv</c>, embedded). Fossil independence
/// is always derived from here, never stored by hand. Bikes use the CSV's "EBike" and "Bike" rows.
/// </summary>
public static class FuelCatalog
{
    private static readonly Dictionary<string, FuelFacts> Rows = Load();

    /// <summary>The facts of a recorded fuel type.</summary>
    public static FuelFacts Of(FuelType fuel) => Rows[fuel.ToString().ToUpperInvariant()];

    /// <summary>The facts that apply to a vehicle: bikes use the bike rows whatever assist they have.</summary>
    public static FuelFacts For(VehicleKind kind, FuelType? fuel) => kind switch
    {
        VehicleKind.Bike => Rows["BIKE"],
        VehicleKind.EBike or VehicleKind.CargoBike => fuel is null ? Rows["BIKE"] : Rows["EBIKE"],
        _ => Of(fuel ?? throw new ArgumentException("A car or van must have a fuel type.", nameof(fuel))),
    };

    /// <summary>True when a vehicle of this fuel type counts as fossil-independent.</summary>
    public static bool IsFossilIndependent(FuelType fuel) => Of(fuel).FossilIndependent;

    /// <summary>The unit refuelling of this fuel is measured in ("l", "kg", "kWh"); plug-in hybrids tank petrol or charge.</summary>
    public static string RefuelUnit(FuelType fuel) => Of(fuel).RefuelUnit ?? "l";

    private static Dictionary<string, FuelFacts> Load()
    {
        using var stream = typeof(FuelCatalog).Assembly.GetManifestResourceStream("FleetPool.Core.fuel-types.csv")
            ?? throw new InvalidOperationException("fuel-types.csv is not embedded in FleetPool.Core.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        var rows = new Dictionary<string, FuelFacts>(StringComparer.Ordinal);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var c = line.Split(',', 10); // the last column (source) may contain commas
            rows[c[0].ToUpperInvariant()] = new FuelFacts(
                c[0], bool.Parse(c[1]), bool.Parse(c[2]), Number(c[3])!.Value,
                c[4].Length == 0 ? null : c[4], Number(c[5]), Number(c[6]), Number(c[7]), bool.Parse(c[8]));
        }
        return rows;
    }

    private static double? Number(string text) =>
        text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
