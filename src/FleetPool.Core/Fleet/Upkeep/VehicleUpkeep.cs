using NodaTime;

namespace FleetPool.Core.Fleet.Upkeep;

/// <summary>Which tyres a car has on now; a bike or a car on all-season tyres has no seasonal change.</summary>
public enum TyreSet
{
    /// <summary>No seasonal change is tracked (bikes, all-season tyres).</summary>
    None,
    /// <summary>Summer tyres: winter tyres are due before 1 December.</summary>
    Summer,
    /// <summary>Winter tyres (studded or not): summer tyres are due by 15 April, when studs must be off.</summary>
    Winter,
}

/// <summary>
/// A vehicle's upkeep plan: what is due next and when. Invariants: one per vehicle (the vehicle's id is the key); every
/// field is optional (nothing known, nothing reminded); service is due at <see cref="NextServiceOn"/> or
/// <see cref="NextServiceKm"/>, whichever comes first; <see cref="InspectionDueOn"/>, when set, overrides the date the
/// Swedish rules derive from <see cref="FirstRegisteredOn"/> and <see cref="LastInspectedOn"/>.
/// </summary>
public sealed class VehicleUpkeep
{
    /// <summary>The vehicle (also the key).</summary>
    public int VehicleId { get; set; }
    /// <summary>Next service by date.</summary>
    public LocalDate? NextServiceOn { get; set; }
    /// <summary>Next service by odometer, km.</summary>
    public int? NextServiceKm { get; set; }
    /// <summary>Months between services, used when a service is recorded as done.</summary>
    public int? ServiceIntervalMonths { get; set; }
    /// <summary>Km between services, used when a service is recorded as done.</summary>
    public int? ServiceIntervalKm { get; set; }
    /// <summary>When the last service was done.</summary>
    public LocalDate? LastServiceOn { get; set; }
    /// <summary>First registration ("första registrering"), the start of the inspection cycle.</summary>
    public LocalDate? FirstRegisteredOn { get; set; }
    /// <summary>The last approved inspection ("besiktning").</summary>
    public LocalDate? LastInspectedOn { get; set; }
    /// <summary>A set inspection deadline (e.g. from the registry's notice), overriding the derived one.</summary>
    public LocalDate? InspectionDueOn { get; set; }
    /// <summary>The tyres on now.</summary>
    public TyreSet Tyres { get; set; }
    /// <summary>When the insurance ends.</summary>
    public LocalDate? InsuranceEndsOn { get; set; }
    /// <summary>When the lease ends.</summary>
    public LocalDate? LeaseEndsOn { get; set; }
}

/// <summary>
/// That a reminder was raised: one row per vehicle, item, due point and level, so the daily job raises each due and each
/// overdue item once (the unique index), however often it runs and on however many instances.
/// </summary>
public sealed class UpkeepReminder
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The vehicle.</summary>
    public int VehicleId { get; set; }
    /// <summary>What is due.</summary>
    public UpkeepKind Kind { get; set; }
    /// <summary>The due point (date and/or km) it was raised for; a new due point is a new reminder.</summary>
    public required string DueKey { get; set; }
    /// <summary>Due soon or overdue.</summary>
    public UpkeepLevel Level { get; set; }
    /// <summary>When it was raised.</summary>
    public Instant RaisedAt { get; set; }
}
