using FleetPool.Core.Sustainability;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>Which level of the organisation a snapshot describes.</summary>
public enum UnitLevel
{
    /// <summary>The whole organisation (no unit id).</summary>
    Organisation,
    /// <summary>A board or company and everything under it.</summary>
    Board,
    /// <summary>A department and its sub-departments.</summary>
    Department,
}

/// <summary>
/// The fleet-share figures of one unit on one date, as the daily job computed them. Invariant: at most one per
/// (<see cref="Date"/>, <see cref="Level"/>, <see cref="UnitId"/>) — the job replaces a date's snapshots in one
/// transaction. Counts are of cars and light vans in the fleet that day (maintenance included, retired not); bikes on
/// their own line. Energy and CO2e cover the 12 months up to and including the date.
/// </summary>
public sealed class FleetShareSnapshot
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The day described.</summary>
    public LocalDate Date { get; set; }
    /// <summary>Organisation, board or department.</summary>
    public UnitLevel Level { get; set; }
    /// <summary>The unit; 0 for the organisation (so the unique index works on every database).</summary>
    public int UnitId { get; set; }
    /// <summary>The unit's name at the time.</summary>
    public required string UnitName { get; set; }
    /// <summary>Cars and light vans in the fleet.</summary>
    public int Vehicles { get; set; }
    /// <summary>Of those, fossil-independent by approval (Miljöfordon Sverige); null in snapshots written before it was counted.</summary>
    public int? FossilIndependentOfficial { get; set; }
    /// <summary>Of those, fossil-independent by the fuel they run on.</summary>
    public int FossilIndependentInPractice { get; set; }
    /// <summary>Of those, zero-emission (electric, hydrogen).</summary>
    public int ZeroEmission { get; set; }
    /// <summary>Bikes, e-bikes and cargo bikes (not in the share).</summary>
    public int Bikes { get; set; }
    /// <summary>Energy bought or charged for cars and vans in the 12 months, MJ.</summary>
    public double EnergyMj { get; set; }
    /// <summary>Of that, fossil-free, MJ.</summary>
    public double FossilFreeEnergyMj { get; set; }
    /// <summary>CO2e of that energy (well-to-wheel g per MJ), kg.</summary>
    public double EnergyCo2eKg { get; set; }
    /// <summary>Months of the 12 with any energy data; null in snapshots written before coverage was recorded.</summary>
    public int? EnergyMonths { get; set; }
    /// <summary>Vehicle-months in the 12 in which a car or van was driven; null in older snapshots.</summary>
    public int? DrivenVehicleMonths { get; set; }
    /// <summary>Of those, the vehicle-months with energy recorded for that vehicle (refuelled, charged or imported).</summary>
    public int? DrivenVehicleMonthsWithEnergy { get; set; }
    /// <summary>E-bikes' and cargo bikes' charging in the 12 months, kWh: their own line, not in the fleet's energy; null in older snapshots.</summary>
    public double? BikeChargingKwh { get; set; }
    /// <summary>Km driven by cars and vans in the 12 months.</summary>
    public double Km { get; set; }
    /// <summary>CO2e of that driving from km (the recorded CO2e, else km × g/km): an estimate, kg.</summary>
    public double Co2eKg { get; set; }
    /// <summary>Months of the 12 with any returned trip; null in snapshots written before coverage was recorded.</summary>
    public int? KmMonths { get; set; }
    /// <summary>When the job wrote it.</summary>
    public Instant ComputedAt { get; set; }

    /// <summary>Fossil-independent cars and vans by <paramref name="definition"/>; null when not counted that way.</summary>
    public int? FossilIndependent(ShareDefinition definition) => definition == ShareDefinition.Official ? FossilIndependentOfficial : FossilIndependentInPractice;
    /// <summary>Fossil-independent ÷ vehicles by <paramref name="definition"/>; null without vehicles or without the count.</summary>
    public double? FossilIndependentShare(ShareDefinition definition) => Vehicles == 0 || FossilIndependent(definition) is not { } n ? null : (double)n / Vehicles;
    /// <summary>Zero-emission ÷ vehicles; null without vehicles.</summary>
    public double? ZeroEmissionShare => Vehicles == 0 ? null : (double)ZeroEmission / Vehicles;
    /// <summary>Fossil-free ÷ all energy; null when no energy was recorded (no data, not 0 %).</summary>
    public double? FossilFreeEnergyShare => EnergyMj <= 0 ? null : FossilFreeEnergyMj / EnergyMj;
    /// <summary>True when any trip was recorded in the 12 months (older snapshots: when km were).</summary>
    public bool HasTrips => KmMonths is { } m ? m > 0 : Km > 0;
}
