namespace FleetPool.Core.Fleet;

/// <summary>
/// The fuel a vehicle is type-approved and recorded for. A diesel approved for and run on HVO100 is recorded as
/// <see cref="Hvo100"/>; a flexifuel car as <see cref="E85"/>. Member names give the API spellings
/// (<c>hvo100</c>, <c>e85</c>, <c>pluginHybrid</c>).
/// </summary>
public enum FuelType
{
    /// <summary>Petrol (fossil).</summary>
    Petrol,
    /// <summary>Ordinary diesel (fossil).</summary>
    Diesel,
    /// <summary>Renewable diesel.</summary>
    Hvo100,
    /// <summary>Vehicle gas, mostly biogas.</summary>
    Biogas,
    /// <summary>Ethanol flexifuel.</summary>
    E85,
    /// <summary>Battery electric (also the assist of e-bikes).</summary>
    Electric,
    /// <summary>Plug-in hybrid (petrol and electric).</summary>
    PluginHybrid,
    /// <summary>Hydrogen fuel cell.</summary>
    Hydrogen,
}
