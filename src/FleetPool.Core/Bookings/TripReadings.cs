using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>Readings at check-out or check-in, plus (at check-in) refuelling and a damage report.</summary>
public sealed record TripReadings(
    int? OdometerKm, int? BatteryPercent = null, int? FuelEighths = null, RefuelInput? Refuel = null, DamageInput? Damage = null)
{
    /// <summary>Highest odometer reading we accept, km.</summary>
    public const int MaxOdometerKm = 2_000_000;

    /// <summary>Field errors in the readings themselves (400).</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors()
            .Range(OdometerKm, "odometerKm", 0, MaxOdometerKm)
            .Range(BatteryPercent, "batteryPercent", 0, 100)
            .Range(FuelEighths, "fuelEighths", 0, 8);
        if (Refuel is { } r)
        {
            e.AddIf(r.Fuel is null, "refuel.fuel", Text.Get("Required"));
            e.AddIf(r.Amount is null, "refuel.amount", Text.Get("Required"));
            e.AddIf(r.Amount is { } a && (double.IsNaN(a) || a <= 0 || a > RefuelInput.MaxAmount), "refuel.amount", Text.Get("AmountRange", RefuelInput.MaxAmount));
        }
        if (Damage is { } d)
        {
            e.RequireText(d.Description, "damage.description", 2000);
        }
        return e;
    }

    /// <summary>
    /// Rules on check-out readings (422): what must be read, that odometers never go back, and that the reading is within
    /// <see cref="BookingRuleDefaults.MaxOdometerGapKm"/> of the vehicle's last one.
    /// </summary>
    public FieldErrors CheckOut(Vehicle vehicle, BookingRuleDefaults limits)
    {
        var e = Check(vehicle, vehicle.LastOdometerKm);
        var highest = vehicle.LastOdometerKm + limits.MaxOdometerGapKm;
        return e.AddIf(OdometerKm > highest, "odometerKm", Text.Get("OdometerGap", highest));
    }

    /// <summary>
    /// True when a valid check-out reading is more than <see cref="BookingRuleDefaults.UnconfirmedGapKm"/> above the vehicle's last
    /// one: the trip keeps it, but the vehicle's reading waits for a fleet manager instead of moving.
    /// </summary>
    public bool NeedsConfirmation(Vehicle vehicle, BookingRuleDefaults limits) => OdometerKm - vehicle.LastOdometerKm > limits.UnconfirmedGapKm;

    /// <summary>
    /// The vehicle's reading after a trip from <paramref name="odometerOutKm"/> to this check-in: the check-in reading, except after
    /// an unconfirmed check-out jump, when only the km driven are added (two trips of 0 km cannot move it).
    /// </summary>
    public int LastOdometerAfter(Vehicle vehicle, int odometerOutKm, BookingRuleDefaults limits) =>
        OdometerKm is not { } inKm ? vehicle.LastOdometerKm
        : odometerOutKm - vehicle.LastOdometerKm > limits.UnconfirmedGapKm ? vehicle.LastOdometerKm + Math.Max(0, inKm - odometerOutKm)
        : Math.Max(vehicle.LastOdometerKm, inKm);

    /// <summary>
    /// Rules on check-in readings (422), for every vehicle with a reading: besides <see cref="Check"/>, the km since check-out
    /// must be possible in the time taken (<see cref="BookingRuleDefaults.MaxAverageKmh"/>, bikes
    /// <see cref="BookingRuleDefaults.MaxBikeAverageKmh"/>) and on the charge or fuel aboard (the vehicle's range, twice with a
    /// refuelling), and a refuelling must fit in the tank or battery.
    /// </summary>
    public FieldErrors CheckIn(Vehicle vehicle, int odometerOutKm, Duration elapsed, BookingRuleDefaults limits)
    {
        var e = Check(vehicle, Math.Max(vehicle.LastOdometerKm, odometerOutKm));
        if (OdometerKm is { } inKm && inKm > odometerOutKm)
        {
            var kmh = vehicle.Kind.IsMotorVehicle() ? limits.MaxAverageKmh : limits.MaxBikeAverageKmh;
            var bySpeed = (int)Math.Ceiling(Math.Max(0, elapsed.TotalHours) * kmh) + limits.OdometerAllowanceKm;
            var byRange = vehicle.RangeKm is { } range ? range * (Refuel is null ? 1 : 2) + limits.OdometerAllowanceKm : int.MaxValue;
            var driven = inKm - odometerOutKm;
            e.AddIf(driven > bySpeed, "odometerKm", Text.Get("OdometerTooFast", driven, Math.Round(elapsed.TotalHours, 1), bySpeed, kmh));
            e.AddIf(driven <= bySpeed && driven > byRange, "odometerKm", Text.Get("OdometerBeyondRange", driven, vehicle.RangeKm ?? 0));
        }
        if (Refuel is { Fuel: { } fuel, Amount: { } amount } && RefuelInput.Capacity(vehicle, fuel) is { } capacity && amount > capacity)
        {
            e.Add("refuel.amount", Text.Get("RefuelTooMuch", amount, capacity, FuelCatalog.Of(fuel).RefuelUnit));
        }
        return e;
    }

    /// <summary>Rules on readings that depend on the vehicle (422): what must be read, and that odometers never go back.</summary>
    public FieldErrors Check(Vehicle vehicle, int lowestOdometerKm)
    {
        var e = new FieldErrors();
        var motor = vehicle.Kind.IsMotorVehicle();
        e.AddIf(motor && OdometerKm is null, "odometerKm", Text.Get("OdometerRequired"));
        e.AddIf(OdometerKm < lowestOdometerKm, "odometerKm", Text.Get("OdometerTooLow", lowestOdometerKm));
        var charged = vehicle.Fuel is FuelType.Electric or FuelType.PluginHybrid;
        e.AddIf(motor && charged && BatteryPercent is null, "batteryPercent", Text.Get("BatteryRequired"));
        e.AddIf(motor && !charged && FuelEighths is null, "fuelEighths", Text.Get("FuelRequired"));
        if (Refuel?.Fuel is { } fuel && !RefuelInput.CanTake(vehicle, fuel))
        {
            e.Add("refuel.fuel", Text.Get("CannotTakeFuel", vehicle.Name, fuel));
        }
        return e;
    }
}

/// <summary>Fuel or charge put in during a trip, in the fuel's unit (l, kg or kWh).</summary>
public sealed record RefuelInput(FuelType? Fuel, double? Amount)
{
    /// <summary>Largest single refuelling we accept.</summary>
    public const double MaxAmount = 500;

    /// <summary>
    /// The most one refuelling can put into the vehicle, in the fuel's unit (l, kg or kWh): a generous upper bound of
    /// the tanks and batteries of its kind, so that only readings no vehicle can produce are refused; null when unknown.
    /// </summary>
    public static double? Capacity(Vehicle vehicle, FuelType fuel)
    {
        var van = vehicle.Kind == VehicleKind.Van;
        return (vehicle.Kind, fuel) switch
        {
            (VehicleKind.EBike or VehicleKind.CargoBike or VehicleKind.Bike, FuelType.Electric) => 3,
            (_, FuelType.Electric) when vehicle.Fuel == FuelType.PluginHybrid => 40,
            (_, FuelType.Electric) => van ? 200 : 150,
            (_, FuelType.Biogas) => van ? 60 : 40,
            (_, FuelType.Hydrogen) => van ? 15 : 10,
            (VehicleKind.Car or VehicleKind.Van, _) => van ? 150 : 100,
            _ => null,
        };
    }

    /// <summary>True when the vehicle can take the fuel: its own, an approved one, or the fallback it can burn.</summary>
    public static bool CanTake(Vehicle vehicle, FuelType fuel) =>
        fuel == vehicle.Fuel || vehicle.ApprovedFuels.Contains(fuel) || (vehicle.Fuel, fuel) switch
        {
            (FuelType.E85, FuelType.Petrol) => true,
            (FuelType.PluginHybrid, FuelType.Petrol or FuelType.Electric) => true,
            (FuelType.Hvo100, FuelType.Diesel) => true,
            _ => false,
        };
}

/// <summary>A damage or incident report made at check-in.</summary>
public sealed record DamageInput(string? Description, bool InjuryAccident = false, DamageSeverity? Severity = null, bool Usable = true);

/// <summary>How bad a damage is.</summary>
public enum DamageSeverity
{
    /// <summary>Cosmetic: a scratch, a dent.</summary>
    Minor,
    /// <summary>Needs the workshop soon (a crack in the windscreen, a warning light).</summary>
    Major,
    /// <summary>Unsafe to drive (brakes, tyres, lights, after a collision).</summary>
    Critical,
}
