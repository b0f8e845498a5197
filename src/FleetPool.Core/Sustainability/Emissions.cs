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
/// driving — every car or van driven in the period has energy recorded, and energy was recorded in at least as many of
/// the 12 months as trips were — otherwise the km estimate, labelled as such; with neither, no data (never 0).
/// </summary>
public static class Emissions
{
    /// <summary>Chooses between the energy-based and the km-based figure.</summary>
    public static Co2eFigure Choose(double? energyKg, int? energyMonths, double? distanceKg, int? kmMonths, int? drivenWithoutEnergy) =>
        energyKg is { } e && energyMonths is { } em && drivenWithoutEnergy == 0 && em >= (kmMonths ?? 0) ? new Co2eFigure(e, Co2eMethod.Energy)
        : distanceKg is { } d ? new Co2eFigure(d, Co2eMethod.Distance)
        : new Co2eFigure(null, null);
}
