using System.ComponentModel.DataAnnotations;
using FleetPool.Core.Fleet;

namespace FleetPool.Core.Steering;

/// <summary>
/// Short-trip thresholds, speeds and the car order (settings section <c>Steering</c>; defaults and their sources in
/// <c>shared/data/trip-defaults.csv</c>). Thresholds apply to the one-way distance.
/// </summary>
public sealed class SteeringOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Steering";

    /// <summary>One-way trips shorter than this can be walked, km.</summary>
    [Range(0, 100)] public double WalkMaxKm { get; set; } = 2;
    /// <summary>One-way trips shorter than this suit a bike, km.</summary>
    [Range(0, 100)] public double BikeMaxKm { get; set; } = 5;
    /// <summary>One-way trips up to this suit an e-bike, km; a car for such a trip needs a reason.</summary>
    [Range(0, 100)] public double EBikeMaxKm { get; set; } = 10;
    /// <summary>Average e-bike speed, km/h (TOI Oslo: 18.0).</summary>
    [Range(1, 60)] public double EBikeSpeedKmh { get; set; } = 18;
    /// <summary>Average bike speed, km/h (TOI Oslo: 16.8).</summary>
    [Range(1, 60)] public double BikeSpeedKmh { get; set; } = 16.8;
    /// <summary>Walking speed, km/h (an estimate: not in trip-defaults.csv).</summary>
    [Range(1, 10)] public double WalkSpeedKmh { get; set; } = 5;
    /// <summary>Average car speed in town including parking, km/h (an estimate from trip-defaults.csv).</summary>
    [Range(1, 130)] public double CarUrbanSpeedKmh { get; set; } = 30;
    /// <summary>Road distance over straight-line distance.</summary>
    [Range(1, 3)] public double DetourFactor { get; set; } = 1.34;
    /// <summary>Fossil-independent fuels in the order cars are offered; unlisted fossil-free fuels follow, fossil ones last.</summary>
    public List<FuelType> FossilFreeOrder { get; set; } = [FuelType.Electric, FuelType.Biogas, FuelType.Hvo100, FuelType.E85, FuelType.PluginHybrid, FuelType.Hydrogen];
    /// <summary>The car compared with when no car is known (e.g. the report's CO2e avoided when a site has no cars).</summary>
    public FuelType ReferenceCarFuel { get; set; } = FuelType.Petrol;

    /// <summary>Where a car of this fuel comes in the offer order (0 first); fossil fuels after all fossil-free ones.</summary>
    public int FuelRank(FuelType? fuel) => fuel is not { } f ? 0
        : FossilFreeOrder.IndexOf(f) is >= 0 and var i ? i
        : FuelCatalog.IsFossilIndependent(f) ? FossilFreeOrder.Count : FossilFreeOrder.Count + 1;
}
