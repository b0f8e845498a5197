using FleetPool.Core.Bookings.Approvals;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Time;
using FleetPool.Web.Components.Shared;
using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace FleetPool.Web.Components.Pages.Approvals;

/// <summary>
/// The approval queue (approve in one click, decline with a reason) for fleet managers and department leads, and the rules
/// that make a booking need a yes (fleet managers). Core (<see cref="ApprovalService"/>) decides who sees and decides what.
/// </summary>
public partial class ApprovalsPage
{
    private readonly FormErrors _errors = new();
    private IReadOnlyList<ApprovalView>? _queue;
    private IReadOnlyList<ApprovalRule>? _rules;
    private Actor _actor = default!;
    private bool _busy;
    private int? _declining;
    private string? _reason;
    private ApprovalRuleKind? _kind;
    private ApproverRole? _approver = ApproverRole.FleetManager;
    private int? _hours = 8, _fromHour = 7, _toHour = 18, _count = 5;
    private VehicleKind? _vehicleKind = VehicleKind.Van;

    [Inject] private ApprovalService Approvals { get; set; } = default!;
    [Inject] private OrganisationTime Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthState).User.ToActor();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _queue = (await Approvals.QueueAsync(_actor)).Value ?? [];
        _rules = _actor.ManagesFleet ? (await Approvals.RulesAsync(_actor)).Value : null;
    }

    private async Task DecideAsync(ApprovalView a, bool approve)
    {
        _errors.Begin();
        _busy = true;
        var outcome = await Approvals.DecideAsync(_actor, a.BookingId, approve, approve ? null : _reason);
        _busy = false;
        if (outcome.Succeeded)
        {
            Snackbar.Add(L[approve ? "Approvals.Approved" : "Approvals.Declined", a.Booker], Severity.Success);
            _declining = null;
            await LoadAsync();
            return;
        }
        if (_errors.Take(outcome.Problem!, "reason") is { } rest)
        {
            Snackbar.Add(rest, Severity.Error);
            await LoadAsync();
        }
    }

    private async Task AddAsync()
    {
        _errors.Begin();
        _busy = true;
        var outcome = await Approvals.AddRuleAsync(_actor, new ApprovalRuleInput(_kind, _approver, _hours, _vehicleKind, _fromHour, _toHour, _count));
        _busy = false;
        if (outcome.Succeeded)
        {
            Snackbar.Add(L["Approvals.RuleAdded"], Severity.Success);
            _kind = null;
            await LoadAsync();
        }
        else if (_errors.Take(outcome.Problem!, "kind", "approver", "hours", "vehicleKind", "fromHour", "toHour", "count") is { } rest)
        {
            Snackbar.Add(rest, Severity.Error);
        }
    }

    private async Task RemoveAsync(ApprovalRule rule)
    {
        _busy = true;
        await Approvals.RemoveRuleAsync(_actor, rule.Id);
        _busy = false;
        await LoadAsync();
    }

    private string Describe(ApprovalRule r) => r.Kind switch
    {
        ApprovalRuleKind.LongerThan => L["RuleText.LongerThan", r.Hours ?? 0],
        ApprovalRuleKind.VehicleKind => L["RuleText.VehicleKind", r.VehicleKind is { } k ? L.Of(k) : ""],
        ApprovalRuleKind.OutsideHours => L["RuleText.OutsideHours", r.FromHour ?? 0, r.ToHour ?? 0],
        ApprovalRuleKind.MoreThanPerWeek => L["RuleText.MoreThanPerWeek", r.Count ?? 0],
        _ => L["RuleText.FossilWhileFossilFreeFree"],
    };
}
