using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>
/// A vehicle's returned trips in the period, summed by the database: km (recorded at check-in, else odometer), the CO2e
/// recorded at check-in, and the km of trips without a recorded CO2e (to be priced at the vehicle's g/km).
/// </summary>
public sealed record VehicleTrips(int VehicleId, double Km, double RecordedGrams, double UnrecordedKm);

/// <summary>
/// The three fleet-share numbers per unit on a date, from plain data (no database), so they can be checked by hand:
/// (1) fossil-independent cars and light vans ÷ all in the fleet that day (acquired on or before it, not retired on or
/// before it; bikes counted apart); (2) fossil-free energy ÷ all energy tanked in the 12 months (amount × MJ per unit ×
/// fossil-free fraction of the fuel actually tanked); (3) CO2e of the 12 months' driving: the trip's recorded CO2e,
/// else its km × the vehicle's g/km. Trips and refuellings arrive summed per vehicle (and fuel). A department counts its sub-departments; a board everything under it.
/// </summary>
public static class FleetShareCalculator
{
    /// <summary>One snapshot for the organisation, each board and each department.</summary>
    public static List<FleetShareSnapshot> Compute(LocalDate date, IReadOnlyList<OrgUnit> units, IReadOnlyList<Vehicle> vehicles,
        IReadOnlyList<Refuelling> refuellings, IReadOnlyList<VehicleTrips> trips, Instant now)
    {
        var tree = new UnitTree(units);
        var inFleet = vehicles.Where(v => v.AcquiredOn <= date && (v.RetiredOn is not { } r || r > date)).ToList();
        var chains = vehicles.ToDictionary(v => v.Id, v => tree.SelfAndAncestors(v.DepartmentId).ToHashSet());
        var snapshots = new List<FleetShareSnapshot>
        {
            Snapshot(date, UnitLevel.Organisation, 0, "", _ => true, inFleet, vehicles, refuellings, trips, now),
        };
        foreach (var unit in units.OrderBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Ordinal))
        {
            var level = unit.Kind == OrgUnitKind.Board ? UnitLevel.Board : UnitLevel.Department;
            snapshots.Add(Snapshot(date, level, unit.Id, unit.Name, v => chains[v].Contains(unit.Id), inFleet, vehicles, refuellings, trips, now));
        }
        return snapshots;
    }

    private static FleetShareSnapshot Snapshot(LocalDate date, UnitLevel level, int unitId, string name, Func<int, bool> belongs,
        List<Vehicle> inFleet, IReadOnlyList<Vehicle> all, IReadOnlyList<Refuelling> refuellings, IReadOnlyList<VehicleTrips> trips, Instant now)
    {
        var mine = inFleet.Where(v => belongs(v.Id)).ToList();
        var cars = mine.Where(v => v.Kind.IsMotorVehicle()).ToList();
        var byId = all.Where(v => belongs(v.Id)).ToDictionary(v => v.Id);
        double energy = 0, fossilFree = 0, km = 0, grams = 0;
        foreach (var r in refuellings.Where(r => byId.ContainsKey(r.VehicleId)))
        {
            var facts = FuelCatalog.Of(r.FuelTanked);
            var mj = r.Amount * (facts.MegajoulesPerUnit ?? 0);
            (energy, fossilFree) = (energy + mj, fossilFree + mj * (facts.FossilFreeEnergyFraction ?? 0));
        }
        foreach (var t in trips.Where(t => byId.TryGetValue(t.VehicleId, out var v) && v.Kind.IsMotorVehicle()))
        {
            var v = byId[t.VehicleId];
            km += t.Km;
            grams += t.RecordedGrams + t.UnrecordedKm * FuelCatalog.For(v.Kind, v.Fuel).GramsCo2ePerKm;
        }
        return new FleetShareSnapshot
        {
            Date = date, Level = level, UnitId = unitId, UnitName = name, Vehicles = cars.Count,
            FossilIndependent = cars.Count(v => v.IsFossilIndependent),
            ZeroEmission = cars.Count(v => v.Fuel is FuelType.Electric or FuelType.Hydrogen),
            Bikes = mine.Count - cars.Count, EnergyMj = Math.Round(energy, 3), FossilFreeEnergyMj = Math.Round(fossilFree, 3),
            Km = Math.Round(km, 1), Co2eKg = Math.Round(grams / 1000, 3), ComputedAt = now,
        };
    }
}
