using Microsoft.Extensions.Options;

namespace FleetPool.Core.Steering;

/// <summary>A WGS84 position in degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>Estimates the road distance of a trip leg. Swap the implementation for a real router.</summary>
public interface IDistanceEstimator
{
    /// <summary>The road distance from one point to another, km (one way).</summary>
    double RoadKm(GeoPoint from, GeoPoint to);
}

/// <summary>
/// Great-circle (haversine) distance on a sphere of the mean Earth radius, times
/// <see cref="SteeringOptions.DetourFactor"/> for roads. Invariant: symmetric and never negative.
/// </summary>
public sealed class HaversineDistance(IOptions<SteeringOptions> options) : IDistanceEstimator
{
    /// <summary>Mean Earth radius, km (IUGG).</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <inheritdoc />
    public double RoadKm(GeoPoint from, GeoPoint to) => StraightKm(from, to) * options.Value.DetourFactor;

    /// <summary>The straight-line (great-circle) distance, km.</summary>
    public static double StraightKm(GeoPoint from, GeoPoint to)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(to.Latitude - from.Latitude);
        var dLon = Rad(to.Longitude - from.Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(from.Latitude)) * Math.Cos(Rad(to.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
