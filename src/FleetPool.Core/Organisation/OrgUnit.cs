namespace FleetPool.Core.Organisation;

/// <summary>Whether a unit is a board or company ("nämnd/bolag") or a department inside one.</summary>
public enum OrgUnitKind
{
    /// <summary>A board or municipal company; the root of its own tree. Has no parent.</summary>
    Board,
    /// <summary>A department; its parent is a board or another department.</summary>
    Department,
}

/// <summary>
/// A node of the organisation tree. Invariants: a <see cref="OrgUnitKind.Board"/> has no parent; a
/// <see cref="OrgUnitKind.Department"/> has one; the tree has no cycles (enforced on import and edit).
/// </summary>
public sealed class OrgUnit
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>Display name, unique among siblings.</summary>
    public required string Name { get; set; }
    /// <summary>Board or department.</summary>
    public OrgUnitKind Kind { get; set; }
    /// <summary>The parent unit; null for a board.</summary>
    public int? ParentId { get; set; }
    /// <summary>Navigation to the parent.</summary>
    public OrgUnit? Parent { get; set; }
}

/// <summary>A cost centre ("kostnadsställe") that bookings are charged to. Invariant: <see cref="Code"/> is unique.</summary>
public sealed class CostCenter
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The finance system's code, unique, e.g. "4110".</summary>
    public required string Code { get; set; }
    /// <summary>Display name.</summary>
    public required string Name { get; set; }
    /// <summary>The unit that owns it.</summary>
    public int OrgUnitId { get; set; }
    /// <summary>False when it may no longer be charged.</summary>
    public bool IsActive { get; set; } = true;
}
