using FleetPool.Core.Common;
using FleetPool.Core.Fleet;

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
public sealed record DamageInput(string? Description, bool InjuryAccident = false);
