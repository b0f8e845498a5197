using FleetPool.Core.Common;

namespace FleetPool.Core.Steering;

/// <summary>
/// The mode a trip suits, by its one-way distance: walk below <see cref="SteeringOptions.WalkMaxKm"/>, bike below
/// <see cref="SteeringOptions.BikeMaxKm"/>, e-bike up to <see cref="SteeringOptions.EBikeMaxKm"/>, else car.
/// Null mode when the distance is unknown.
/// </summary>
public sealed record TripAdvice(double? DistanceKm, string? SuggestedMode, int? MinutesByBikeOneWay, string Message)
{
    /// <summary>Advice for a one-way distance.</summary>
    public static TripAdvice For(double? distanceKm, SteeringOptions o)
    {
        if (distanceKm is not { } d)
        {
            return new TripAdvice(null, null, null, Text.Get("Advice.None"));
        }
        var (mode, speed) = d < o.WalkMaxKm ? ("walk", o.BikeSpeedKmh)
            : d < o.BikeMaxKm ? ("bike", o.BikeSpeedKmh)
            : d <= o.EBikeMaxKm ? ("eBike", o.EBikeSpeedKmh)
            : ("car", o.EBikeSpeedKmh);
        var minutes = mode == "car" ? (int?)null : (int)Math.Ceiling(d / speed * 60);
        return new TripAdvice(d, mode, minutes, Text.Get($"Advice.{mode}", d.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture), minutes));
    }

    /// <summary>True when a bike or e-bike should be offered first.</summary>
    public bool FavoursBike() => SuggestedMode is "walk" or "bike" or "eBike";
}
