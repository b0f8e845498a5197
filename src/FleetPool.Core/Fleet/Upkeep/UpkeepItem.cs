using NodaTime;

namespace FleetPool.Core.Fleet.Upkeep;

/// <summary>The kinds of upkeep a vehicle is reminded of.</summary>
public enum UpkeepKind
{
    /// <summary>Service, by date or km.</summary>
    Service,
    /// <summary>The periodic inspection ("besiktning").</summary>
    Inspection,
    /// <summary>Summer to winter tyres.</summary>
    WinterTyres,
    /// <summary>Winter to summer tyres.</summary>
    SummerTyres,
    /// <summary>The insurance ends.</summary>
    Insurance,
    /// <summary>The lease ends.</summary>
    Lease,
}

/// <summary>How pressing an item is.</summary>
public enum UpkeepLevel
{
    /// <summary>Within the lead time (days or km) of its due point.</summary>
    Due,
    /// <summary>Past its due date or km.</summary>
    Overdue,
}

/// <summary>
/// One item that needs doing. <see cref="DueOn"/> and/or <see cref="DueKm"/> say where it falls due; <see cref="Key"/>
/// names that due point, so the same item is reminded of once per due point and level.
/// </summary>
public sealed record UpkeepItem(UpkeepKind Kind, UpkeepLevel Level, LocalDate? DueOn, int? DueKm)
{
    /// <summary>Insurance and lease are renewed by setting a new end date, not ticked off as done.</summary>
    public bool RenewedByDate => IsRenewedByDate(Kind);

    /// <summary>True for the kinds renewed by a new date (insurance, lease) rather than recorded as done.</summary>
    public static bool IsRenewedByDate(UpkeepKind kind) => kind is UpkeepKind.Insurance or UpkeepKind.Lease;

    /// <summary>The due point as stored on the reminder, e.g. "2026-12-01|15000".</summary>
    public string Key => $"{DueOn?.ToString("yyyy-MM-dd", null)}|{DueKm}";
}

/// <summary>An item on one vehicle, as the to-do list and the vehicle page show it.</summary>
public sealed record VehicleUpkeepItem(int VehicleId, string VehicleName, int SiteId, UpkeepItem Item);
