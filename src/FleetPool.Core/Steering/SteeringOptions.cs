using System.ComponentModel.DataAnnotations;

namespace FleetPool.Core.Steering;

/// <summary>Short-trip thresholds and speeds (settings section <c>Steering</c>; defaults from trip-defaults.csv).</summary>
public sealed class SteeringOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Steering";

    /// <summary>One-way trips shorter than this are walked, km.</summary>
    [Range(0, 100)] public double WalkMaxKm { get; set; } = 2;
    /// <summary>One-way trips shorter than this suit a bike, km.</summary>
    [Range(0, 100)] public double BikeMaxKm { get; set; } = 5;
    /// <summary>One-way trips up to this suit an e-bike, km.</summary>
    [Range(0, 100)] public double EBikeMaxKm { get; set; } = 10;
    /// <summary>Average e-bike speed, km/h.</summary>
    [Range(1, 60)] public double EBikeSpeedKmh { get; set; } = 18;
    /// <summary>Average bike speed, km/h.</summary>
    [Range(1, 60)] public double BikeSpeedKmh { get; set; } = 16.8;
}
