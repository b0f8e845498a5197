namespace FleetPool.Core.Sustainability;

/// <summary>How a CO2e figure was worked out.</summary>
public enum Co2eMethod
{
    /// <summary>Energy bought and charged × g CO2e per MJ well-to-wheel: the method of fuel-card based climate reports.</summary>
    Energy,
    /// <summary>Km driven × the vehicle's g CO2e per km: an estimate, for when energy data does not cover the driving.</summary>
    Distance,
}

/// <summary>A unit's CO2e for a period and the method behind it; <see cref="Kg"/> is null when there is no data at all.</summary>
public sealed record Co2eFigure(double? Kg, Co2eMethod? Method);

/// <summary>
/// Which CO2e figure a report leads with. Invariant: the energy method is used only when the energy data covers the
/// driving — energy recorded for the vehicle in at least <see cref="MinCoverage"/> of the vehicle-months in which a car
/// or van was driven (depot charging missing, or fuel bought without a card, leaves months uncovered) — otherwise the km
/// estimate, labelled as such; with neither, no data (never 0).
/// </summary>
public static class Emissions
{
    /// <summary>The share of driven vehicle-months that must have energy recorded for the energy method.</summary>
    public const double MinCoverage = 0.9;

    /// <summary>The share of driven vehicle-months with energy recorded; null when nothing was driven (or not counted then).</summary>
    public static double? Coverage(int? drivenVehicleMonths, int? withEnergy) =>
        drivenVehicleMonths is { } d and > 0 && withEnergy is { } w ? (double)w / d : null;

    /// <summary>Chooses between the energy-based and the km-based figure.</summary>
    public static Co2eFigure Choose(double? energyKg, double? distanceKg, int? drivenVehicleMonths, int? withEnergy) =>
        energyKg is { } e && (drivenVehicleMonths == 0 || Coverage(drivenVehicleMonths, withEnergy) >= MinCoverage) ? new Co2eFigure(e, Co2eMethod.Energy)
        : distanceKg is { } d ? new Co2eFigure(d, Co2eMethod.Distance)
        : new Co2eFigure(null, null);
}
