using System.Numerics;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Reporting;
using NodaTime;

namespace FleetPool.Core.Sustainability;

/// <summary>
/// A vehicle's returned trips in one month of the 12-month window (<see cref="Month"/> 0..11, 11 = the month ending on
/// the date), summed by the database: km, the CO2e recorded at check-in, and the km without a recorded CO2e.
/// </summary>
public sealed record VehicleTrips(int VehicleId, double Km, double RecordedGrams, double UnrecordedKm, int Month = 11);

/// <summary>Energy bought or charged for a vehicle in one month of the window: an amount of a fuel in its refuel unit.</summary>
public sealed record EnergyBought(int VehicleId, FuelType Fuel, double Amount, int Month = 11);

/// <summary>
/// The fleet-share numbers per unit on a date, from plain data (no database), so they can be checked by hand:
/// (1) cars and light vans in the fleet that day (acquired on or before it, not retired on or before it; bikes counted
/// apart), fossil-independent by approval (official) and by the fuel they run on (in practice); (2) fossil-free energy ÷
/// all energy of cars and vans in the 12 months (amount × MJ per unit × the fossil-free fraction of the fuel bought);
/// (3) CO2e of the 12 months' driving two ways: the trip's recorded CO2e, else km × the vehicle's g/km (an estimate), and
/// energy × g CO2e per MJ well-to-wheel; (4) coverage: in how many of the 12 months there is any energy or trip data, and
/// how many of the months in which a car or van was driven also have energy recorded for it.
/// Vehicles arrive with the attributes true on the date. A department counts its sub-departments; a board all under it.
/// </summary>
public static class FleetShareCalculator
{
    /// <summary>Months in the window every 12-month figure covers.</summary>
    public const int WindowMonths = 12;

    /// <summary>One snapshot for the organisation, each board and each department.</summary>
    public static List<FleetShareSnapshot> Compute(LocalDate date, IReadOnlyList<OrgUnit> units, IReadOnlyList<Vehicle> vehicles,
        IReadOnlyList<EnergyBought> energy, IReadOnlyList<VehicleTrips> trips, Instant now)
    {
        var tree = new UnitTree(units);
        var inFleet = vehicles.Where(v => v.AcquiredOn <= date && (v.RetiredOn is not { } r || r > date)).ToList();
        var chains = vehicles.ToDictionary(v => v.Id, v => tree.SelfAndAncestors(v.DepartmentId).ToHashSet());
        var sums = Sum(vehicles, energy, trips);
        var bikeKwh = BikeCharging(vehicles, energy);
        var snapshots = new List<FleetShareSnapshot>
        {
            Snapshot(date, UnitLevel.Organisation, 0, "", _ => true, inFleet, sums, bikeKwh, now),
        };
        foreach (var unit in units.OrderBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Ordinal))
        {
            var level = unit.Kind == OrgUnitKind.Board ? UnitLevel.Board : UnitLevel.Department;
            snapshots.Add(Snapshot(date, level, unit.Id, unit.Name, v => chains[v].Contains(unit.Id), inFleet, sums, bikeKwh, now));
        }
        return snapshots;
    }

    // A car or van's 12 months, summed once for every unit it belongs to; the months as bits (1 << month).
    private sealed class VehicleSums
    {
        public double Mj, FossilFreeMj, EnergyGrams, Km, Grams;
        public int EnergyMonths, KmMonths;
    }

    // Bikes' charging is their own line: never in the fleet's energy or CO2e, which cover cars and vans.
    private static Dictionary<int, double> BikeCharging(IReadOnlyList<Vehicle> vehicles, IReadOnlyList<EnergyBought> energy)
    {
        var bikes = vehicles.Where(v => !v.Kind.IsMotorVehicle()).Select(v => v.Id).ToHashSet();
        return energy.Where(e => e.Amount > 0 && e.Fuel == FuelType.Electric && bikes.Contains(e.VehicleId))
            .GroupBy(e => e.VehicleId).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
    }

    private static Dictionary<int, VehicleSums> Sum(IReadOnlyList<Vehicle> vehicles, IReadOnlyList<EnergyBought> energy, IReadOnlyList<VehicleTrips> trips)
    {
        var motor = vehicles.Where(v => v.Kind.IsMotorVehicle()).ToDictionary(v => v.Id);
        var sums = motor.Keys.ToDictionary(id => id, _ => new VehicleSums());
        foreach (var e in energy.Where(e => e.Amount > 0 && sums.ContainsKey(e.VehicleId)))
        {
            var (facts, s) = (FuelCatalog.Of(e.Fuel), sums[e.VehicleId]);
            var mj = e.Amount * (facts.MegajoulesPerUnit ?? 0);
            (s.Mj, s.FossilFreeMj, s.EnergyGrams) = (s.Mj + mj, s.FossilFreeMj + mj * (facts.FossilFreeEnergyFraction ?? 0), s.EnergyGrams + mj * (facts.GramsCo2ePerMegajoule ?? 0));
            s.EnergyMonths |= 1 << e.Month;
        }
        foreach (var t in trips.Where(t => t.Km > 0 && sums.ContainsKey(t.VehicleId)))
        {
            var (v, s) = (motor[t.VehicleId], sums[t.VehicleId]);
            (s.Km, s.Grams) = (s.Km + t.Km, s.Grams + t.RecordedGrams + t.UnrecordedKm * FuelCatalog.For(v.Kind, v.Fuel).GramsCo2ePerKm);
            s.KmMonths |= 1 << t.Month;
        }
        return sums;
    }

    /// <summary>The month (0..11) of the 12-month window ending on <paramref name="date"/> that the local date <paramref name="day"/> falls in; −1 outside.</summary>
    public static int MonthOf(LocalDate date, LocalDate day)
    {
        for (var k = 0; k < WindowMonths; k++)
        {
            if (day >= MonthStart(date, k) && day < MonthStart(date, k + 1))
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>The first day of month <paramref name="k"/> of the window ending on <paramref name="date"/> (k = 12: the day after).</summary>
    public static LocalDate MonthStart(LocalDate date, int k) => date.PlusMonths(k - WindowMonths).PlusDays(1);

    private static FleetShareSnapshot Snapshot(LocalDate date, UnitLevel level, int unitId, string name, Func<int, bool> belongs,
        List<Vehicle> inFleet, Dictionary<int, VehicleSums> sums, Dictionary<int, double> bikeKwh, Instant now)
    {
        var mine = inFleet.Where(v => belongs(v.Id)).ToList();
        var cars = mine.Where(v => v.Kind.IsMotorVehicle()).ToList();
        double mj = 0, fossilFree = 0, energyGrams = 0, km = 0, grams = 0;
        int energyMonths = 0, kmMonths = 0, driven = 0, covered = 0;
        foreach (var (_, s) in sums.Where(p => belongs(p.Key)))
        {
            (mj, fossilFree, energyGrams, km, grams) = (mj + s.Mj, fossilFree + s.FossilFreeMj, energyGrams + s.EnergyGrams, km + s.Km, grams + s.Grams);
            (energyMonths, kmMonths) = (energyMonths | s.EnergyMonths, kmMonths | s.KmMonths);
            (driven, covered) = (driven + BitOperations.PopCount((uint)s.KmMonths), covered + BitOperations.PopCount((uint)(s.KmMonths & s.EnergyMonths)));
        }
        return new FleetShareSnapshot
        {
            Date = date, Level = level, UnitId = unitId, UnitName = name, Vehicles = cars.Count,
            FossilIndependentOfficial = cars.Count(v => FossilIndependence.Counts(v, ShareDefinition.Official)),
            FossilIndependentInPractice = cars.Count(v => FossilIndependence.Counts(v, ShareDefinition.InPractice)),
            ZeroEmission = cars.Count(v => v.Fuel is FuelType.Electric or FuelType.Hydrogen),
            Bikes = mine.Count - cars.Count, EnergyMj = Math.Round(mj, 3), FossilFreeEnergyMj = Math.Round(fossilFree, 3),
            EnergyCo2eKg = Math.Round(energyGrams / 1000, 3), EnergyMonths = BitOperations.PopCount((uint)energyMonths),
            Km = Math.Round(km, 1), Co2eKg = Math.Round(grams / 1000, 3), KmMonths = BitOperations.PopCount((uint)kmMonths),
            DrivenVehicleMonths = driven, DrivenVehicleMonthsWithEnergy = covered,
            BikeChargingKwh = bikeKwh.Where(p => belongs(p.Key)).Select(p => (double?)p.Value).Aggregate((double?)null, (a, b) => (a ?? 0) + b) is { } kwh
                ? Math.Round(kwh, 1) : null, // no record: no data, not 0
            ComputedAt = now,
        };
    }
}
