using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Bookings.Approvals;

/// <summary>What makes a booking an exception that needs a yes.</summary>
public enum ApprovalRuleKind
{
    /// <summary>Longer than <see cref="ApprovalRule.Hours"/> hours.</summary>
    LongerThan,
    /// <summary>A vehicle of <see cref="ApprovalRule.VehicleKind"/> (e.g. vans).</summary>
    VehicleKind,
    /// <summary>Any part outside working hours: before <see cref="ApprovalRule.FromHour"/>, after <see cref="ApprovalRule.ToHour"/>, a weekend or a public holiday.</summary>
    OutsideHours,
    /// <summary>A fossil car while a suitable fossil-free one was free.</summary>
    FossilWhileFossilFreeFree,
    /// <summary>More than <see cref="ApprovalRule.Count"/> bookings by the booker in the trip's week (Monday–Sunday).</summary>
    MoreThanPerWeek,
}

/// <summary>Who decides.</summary>
public enum ApproverRole
{
    /// <summary>Any fleet manager (or admin).</summary>
    FleetManager,
    /// <summary>The booker's department lead (fleet managers may decide too; with no lead, fleet managers do).</summary>
    DepartmentLead,
}

/// <summary>
/// A rule fleet managers set: bookings it matches wait as <see cref="BookingStatus.Pending"/> for <see cref="Approver"/>.
/// Invariant (checked by <see cref="ApprovalRuleInput.Validate"/>): the rule's own parameter is set and in range.
/// </summary>
public sealed class ApprovalRule
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>What it matches.</summary>
    public ApprovalRuleKind Kind { get; set; }
    /// <summary>For <see cref="ApprovalRuleKind.LongerThan"/>.</summary>
    public int? Hours { get; set; }
    /// <summary>For <see cref="ApprovalRuleKind.VehicleKind"/>.</summary>
    public VehicleKind? VehicleKind { get; set; }
    /// <summary>For <see cref="ApprovalRuleKind.OutsideHours"/>: working hours start (0–23).</summary>
    public int? FromHour { get; set; }
    /// <summary>For <see cref="ApprovalRuleKind.OutsideHours"/>: working hours end (1–24).</summary>
    public int? ToHour { get; set; }
    /// <summary>For <see cref="ApprovalRuleKind.MoreThanPerWeek"/>.</summary>
    public int? Count { get; set; }
    /// <summary>Who decides.</summary>
    public ApproverRole Approver { get; set; }
    /// <summary>When it was set.</summary>
    public Instant CreatedAt { get; set; }
}
