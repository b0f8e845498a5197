namespace FleetPool.Core.Sustainability;

/// <summary>How a car or light van is counted as fossil-independent. Every published share names its definition.</summary>
public enum ShareDefinition
{
    /// <summary>
    /// Miljöfordon Sverige, the municipal indicator: type-approved for a renewable fuel (the recorded fuel or one of the
    /// approved fuels), whatever it is filled with — an HVO100-approved diesel counts on a day it runs on fossil diesel.
    /// </summary>
    Official,
    /// <summary>By the fuel the vehicle runs on (its recorded fuel): an HVO100-approved diesel run on fossil diesel is fossil.</summary>
    InPractice,
}
