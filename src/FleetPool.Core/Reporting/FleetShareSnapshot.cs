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
    /// <summary>Of those, fossil-independent.</summary>
    public int FossilIndependent { get; set; }
    /// <summary>Of those, zero-emission (electric, hydrogen).</summary>
    public int ZeroEmission { get; set; }
    /// <summary>Bikes, e-bikes and cargo bikes (not in the share).</summary>
    public int Bikes { get; set; }
    /// <summary>Energy tanked in the 12 months, MJ.</summary>
    public double EnergyMj { get; set; }
    /// <summary>Of that, fossil-free, MJ.</summary>
    public double FossilFreeEnergyMj { get; set; }
    /// <summary>Km driven by cars and vans in the 12 months.</summary>
    public double Km { get; set; }
    /// <summary>CO2e of that driving, kg.</summary>
    public double Co2eKg { get; set; }
    /// <summary>When the job wrote it.</summary>
    public Instant ComputedAt { get; set; }

    /// <summary>Fossil-independent ÷ vehicles; null without vehicles.</summary>
    public double? FossilIndependentShare => Vehicles == 0 ? null : (double)FossilIndependent / Vehicles;
    /// <summary>Zero-emission ÷ vehicles; null without vehicles.</summary>
    public double? ZeroEmissionShare => Vehicles == 0 ? null : (double)ZeroEmission / Vehicles;
    /// <summary>Fossil-free ÷ all tanked energy; null when nothing was tanked.</summary>
    public double? FossilFreeEnergyShare => EnergyMj <= 0 ? null : FossilFreeEnergyMj / EnergyMj;
}
