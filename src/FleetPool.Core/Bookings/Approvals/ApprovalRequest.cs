using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Bookings.Approvals;

/// <summary>
/// A booking waiting for a yes (<see cref="BookingStatus.Pending"/>), and later the decision. Invariants: one per booking
/// and request; <see cref="DepartmentId"/> is the booker's department when asked (so a lead decides only their own);
/// undecided at <see cref="Deadline"/> it lapses and the booking is cancelled.
/// </summary>
public sealed class ApprovalRequest
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The booking waiting.</summary>
    public int BookingId { get; set; }
    /// <summary>Who decides.</summary>
    public ApproverRole Approver { get; set; }
    /// <summary>The booker's department when asked.</summary>
    public int? DepartmentId { get; set; }
    /// <summary>The rules met, as codes separated by ',' (e.g. "LongerThan:8,VehicleKind:Van").</summary>
    public required string Rules { get; set; }
    /// <summary>When it was asked.</summary>
    public Instant AskedAt { get; set; }
    /// <summary>Undecided by then, it lapses (never after the trip's start).</summary>
    public Instant Deadline { get; set; }
    /// <summary>When decided or lapsed; null while pending.</summary>
    public Instant? DecidedAt { get; set; }
    /// <summary>Who decided; null while pending or when it lapsed.</summary>
    public int? DecidedById { get; set; }
    /// <summary>True approved, false declined or lapsed, null pending.</summary>
    public bool? Approved { get; set; }
    /// <summary>Why declined (required), or a note with a yes.</summary>
    public string? Reason { get; set; }
    /// <summary>
    /// For a running trip extended into a rule: its end before the extension. The trip stays checked out with the new end
    /// while the request waits; a no (or a lapse) puts this end back.
    /// </summary>
    public Instant? ExtendsFrom { get; set; }
}

/// <summary>A rule as fleet managers set it; only the parameter of its kind is read.</summary>
public sealed record ApprovalRuleInput(ApprovalRuleKind? Kind, ApproverRole? Approver, int? Hours = null, VehicleKind? VehicleKind = null,
    int? FromHour = null, int? ToHour = null, int? Count = null)
{
    /// <summary>Field errors (400).</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors();
        e.AddIf(Kind is null, "kind", Text.Get("Required")).AddIf(Approver is null, "approver", Text.Get("Required"));
        switch (Kind)
        {
            case ApprovalRuleKind.LongerThan:
                e.AddIf(Hours is null, "hours", Text.Get("Required")).Range(Hours, "hours", 1, 24 * 30);
                break;
            case ApprovalRuleKind.VehicleKind:
                e.AddIf(VehicleKind is null, "vehicleKind", Text.Get("Required"));
                break;
            case ApprovalRuleKind.OutsideHours:
                e.AddIf(FromHour is null, "fromHour", Text.Get("Required")).Range(FromHour, "fromHour", 0, 23);
                e.AddIf(ToHour is null, "toHour", Text.Get("Required")).Range(ToHour, "toHour", 1, 24);
                e.AddIf(FromHour is { } f && ToHour is { } t && t <= f, "toHour", Text.Get("After", "fromHour"));
                break;
            case ApprovalRuleKind.MoreThanPerWeek:
                e.AddIf(Count is null, "count", Text.Get("Required")).Range(Count, "count", 1, 100);
                break;
        }
        return e;
    }

    /// <summary>The rule to store (call on a valid input).</summary>
    public ApprovalRule ToRule(Instant now) => new()
    {
        Kind = Kind!.Value, Approver = Approver!.Value, CreatedAt = now,
        Hours = Kind == ApprovalRuleKind.LongerThan ? Hours : null, VehicleKind = Kind == ApprovalRuleKind.VehicleKind ? VehicleKind : null,
        FromHour = Kind == ApprovalRuleKind.OutsideHours ? FromHour : null, ToHour = Kind == ApprovalRuleKind.OutsideHours ? ToHour : null,
        Count = Kind == ApprovalRuleKind.MoreThanPerWeek ? Count : null,
    };
}

/// <summary>What an approver sees of a request: who, what, when, why it needs a yes, and until when.</summary>
public sealed record ApprovalView(int BookingId, string Booker, string? Department, string VehicleName, VehicleKind VehicleKind, Instant Start, Instant End,
    string Purpose, IReadOnlyList<string> Rules, ApproverRole Approver, Instant Deadline);

/// <summary>The approvals settings (section <c>Approvals</c>).</summary>
public sealed class ApprovalOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Approvals";

    /// <summary>How long approvers have to decide, hours (never past the trip's start).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 14)] public int DecisionHours { get; set; } = 24;
}
