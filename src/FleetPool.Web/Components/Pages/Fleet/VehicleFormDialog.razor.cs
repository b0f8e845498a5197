using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Web.Components.Shared;
using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NodaTime;

namespace FleetPool.Web.Components.Pages.Fleet;

/// <summary>Adds a vehicle or edits one; status changes (maintenance, retirement) have their own actions.</summary>
public partial class VehicleFormDialog
{
    private readonly FormErrors _errors = new();
    private IReadOnlyList<SiteSummary> _sites = [];
    private IReadOnlyList<DepartmentSummary> _departments = [];
    private VehicleKind? _kind = VehicleKind.Car;
    private FuelType? _fuel = FuelType.Electric, _replacement;
    private string? _name, _registration, _alert;
    private int? _siteId, _departmentId, _rangeKm, _seats;
    private DateTime? _acquired, _plannedRetirement;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private VehicleService Fleet { get; set; } = default!;
    [Inject] private OrganisationDirectory Directory { get; set; } = default!;

    /// <summary>The vehicle to edit; null to add one.</summary>
    [Parameter] public VehicleView? Existing { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _sites = await Directory.SitesAsync();
        _departments = await Directory.DepartmentsAsync();
        if (Existing is { } v)
        {
            (_kind, _fuel, _name, _registration, _siteId, _departmentId) = (v.Kind, v.Fuel, v.Name, v.Registration, v.SiteId, v.DepartmentId);
            (_rangeKm, _seats, _replacement) = (v.RangeKm, v.Seats, v.ReplacementFuel);
            (_acquired, _plannedRetirement) = (v.AcquiredOn.ToDateTimeUnspecified(), v.PlannedRetirementOn?.ToDateTimeUnspecified());
        }
    }

    private async Task SaveAsync()
    {
        (_busy, _alert) = (true, null);
        _errors.Begin();
        var input = new VehicleInput(_kind, _name, _registration, _siteId, _departmentId, _fuel, Existing?.ApprovedFuels.ToList(), _rangeKm, _seats,
            null, Date(_acquired), Existing?.RetiredOn, Date(_plannedRetirement), _replacement);
        var actor = (await AuthState).User.ToActor();
        var outcome = Existing is null ? await Fleet.CreateAsync(actor, input) : await Fleet.UpdateAsync(actor, Existing.Id, input);
        _busy = false;
        if (outcome.Value is { } saved)
        {
            Dialog.Close(DialogResult.Ok(saved));
            return;
        }
        _alert = _errors.Take(outcome.Problem!);
    }

    private static LocalDate? Date(DateTime? value) => value is { } d ? LocalDate.FromDateTime(d) : null;
}
