using FleetPool.Core.Fleet;

namespace FleetPool.Core.Sustainability;

/// <summary>
/// Puts a vehicle's energy records together without counting a purchase twice. Invariant: for a vehicle, a month and a
/// kind of energy (electricity, or fuel), imported fuel-card or charge-point records are the account and replace what
/// drivers entered at check-in for it (the same fill would otherwise count twice); charging sessions recorded in the
/// app (depot charging, never seen at check-in or on a card) are added to either.
/// </summary>
public static class EnergySources
{
    /// <summary>The energy to count: imports where they exist, else check-in records, plus recorded charging sessions.</summary>
    public static List<EnergyBought> Combine(IEnumerable<EnergyBought> checkIn, IEnumerable<EnergyBought> sessions, IEnumerable<EnergyBought> imported)
    {
        var imports = imported.ToList();
        var accounted = imports.Select(Key).ToHashSet();
        return [.. checkIn.Where(e => !accounted.Contains(Key(e))), .. sessions, .. imports];
    }

    // Stryker disable once Equality : the flag only splits the records into electricity and fuel; negated, it splits them the same way.
    private static (int, int, bool) Key(EnergyBought e) => (e.VehicleId, e.Month, FuelCatalog.RefuelUnit(e.Fuel) == "kWh");
}
