using System.Globalization;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;

namespace FleetPool.Core.Steering;

/// <summary>
/// One way to make the trip: travel time one way and for the round trip, and the round trip's CO2e and what it saves
/// against the car the booker would otherwise get.
/// </summary>
public sealed record ModeEstimate(string Mode, double OneWayMinutes, double RoundTripMinutes, double RoundTripKm, double Co2eGrams, double Co2eSavedGrams);

/// <summary>The car the booker would otherwise get: its fuel and its round trip's time and CO2e.</summary>
public sealed record CarEstimate(FuelType Fuel, double OneWayMinutes, double RoundTripMinutes, double Co2eGrams);

/// <summary>
/// Advice for a trip by its one-way distance d: walk when d &lt; <see cref="SteeringOptions.WalkMaxKm"/>, bike when
/// d &lt; <see cref="SteeringOptions.BikeMaxKm"/>, e-bike when d ≤ <see cref="SteeringOptions.EBikeMaxKm"/> — each
/// that applies is listed in <see cref="Modes"/>, greenest first, and <see cref="SuggestedMode"/> is the first (or
/// "car" beyond the e-bike threshold). Times and CO2e count the round trip (2d). Null mode when d is unknown.
/// </summary>
public sealed record TripAdvice(double? DistanceKm, string? SuggestedMode, int? MinutesByBikeOneWay, string Message,
    IReadOnlyList<ModeEstimate> Modes, CarEstimate? Car)
{
    /// <summary>Advice for a one-way road distance, compared with a car of <paramref name="carFuel"/> (the reference car when null).</summary>
    public static TripAdvice For(double? distanceKm, SteeringOptions o, FuelType? carFuel = null)
    {
        if (distanceKm is not { } d)
        {
            return new TripAdvice(null, null, null, Text.Get("Advice.None"), [], null);
        }
        var fuel = carFuel ?? o.ReferenceCarFuel;
        var car = new CarEstimate(fuel, Minutes(d, o.CarUrbanSpeedKmh), 2 * Minutes(d, o.CarUrbanSpeedKmh), 2 * d * FuelCatalog.Of(fuel).GramsCo2ePerKm);
        var modes = new List<ModeEstimate>();
        void Add(string mode, double speed, double gramsPerKm)
        {
            var grams = 2 * d * gramsPerKm;
            modes.Add(new ModeEstimate(mode, Minutes(d, speed), 2 * Minutes(d, speed), 2 * d, grams, Math.Max(0, car.Co2eGrams - grams)));
        }
        if (d < o.WalkMaxKm)
        {
            Add("walk", o.WalkSpeedKmh, 0);
        }
        if (d < o.BikeMaxKm)
        {
            Add("bike", o.BikeSpeedKmh, FuelCatalog.For(VehicleKind.Bike, null).GramsCo2ePerKm);
        }
        if (d <= o.EBikeMaxKm)
        {
            Add("eBike", o.EBikeSpeedKmh, FuelCatalog.For(VehicleKind.EBike, FuelType.Electric).GramsCo2ePerKm);
        }
        var mode = modes.Count > 0 ? modes[0].Mode : "car";
        var bikeMinutes = modes.FirstOrDefault(m => m.Mode is "bike" or "eBike") is { } b ? (int?)Math.Round(b.OneWayMinutes, MidpointRounding.AwayFromZero) : null;
        var message = Text.Get($"Advice.{mode}", d.ToString("0.#", CultureInfo.CurrentCulture), bikeMinutes);
        return new TripAdvice(d, mode, bikeMinutes, message, modes, car);
    }

    /// <summary>True when a bike or e-bike should be offered first and a car needs a reason.</summary>
    public bool FavoursBike() => SuggestedMode is "walk" or "bike" or "eBike";

    private static double Minutes(double km, double kmh) => Math.Round(km / kmh * 60, 1);
}
