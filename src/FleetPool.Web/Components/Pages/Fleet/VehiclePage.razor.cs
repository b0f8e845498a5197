using FleetPool.Web.Components.Shared;
using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Time;
using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace FleetPool.Web.Components.Pages.Fleet;

/// <summary>One vehicle: anyone may read it and report damage; fleet managers also edit, service, retire and resolve.</summary>
public partial class VehiclePage
{
    private VehicleDetailsView? _details;
    private Actor _actor = default!;
    private bool _manages, _missing;

    [Parameter] public int Id { get; set; }

    [Inject] private VehicleDetails Details { get; set; } = default!;
    [Inject] private VehicleService Fleet { get; set; } = default!;
    [Inject] private Retirement Retirement { get; set; } = default!;
    [Inject] private Core.Fleet.Maintenance.MaintenanceWindows Windows { get; set; } = default!;
    [Inject] private DamageReports Damage { get; set; } = default!;
    [Inject] private Core.Fleet.Upkeep.UpkeepService Upkeep { get; set; } = default!;
    [Inject] private OrganisationTime Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _actor = (await AuthState).User.ToActor();
        _manages = _actor.ManagesFleet;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var outcome = await Details.GetAsync(_actor, Id);
        (_details, _missing) = (outcome.Value, !outcome.Succeeded);
        _windows = _manages ? await Windows.ListAsync(Id) : [];
        _upkeep = _manages ? (await Upkeep.GetAsync(Id)).Value : null;
    }

    private Core.Fleet.Upkeep.UpkeepView? _upkeep;

    private async Task DoneAsync(Core.Fleet.Upkeep.UpkeepKind kind)
    {
        Snackbar.Tell(await Upkeep.RecordDoneAsync(_actor, Id, new Core.Fleet.Upkeep.UpkeepDone(kind)), L["Todo.Recorded", _details!.Vehicle.Name]);
        await LoadAsync();
    }

    private async Task EditUpkeepAsync()
    {
        var parameters = new DialogParameters<UpkeepDialog>
        {
            { d => d.Actor, _actor }, { d => d.VehicleId, Id }, { d => d.VehicleName, _details!.Vehicle.Name },
            { d => d.Motor, _details.Vehicle.Kind.IsMotorVehicle() }, { d => d.Plan, _upkeep!.Plan },
        };
        var dialog = await Dialogs.ShowAsync<UpkeepDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Vehicle.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private IReadOnlyList<Core.Fleet.Maintenance.MaintenanceWindowView> _windows = [];

    private async Task PlanMaintenanceAsync()
    {
        var parameters = new DialogParameters<MaintenanceDialog> { { d => d.Actor, _actor }, { d => d.VehicleId, Id }, { d => d.VehicleName, _details!.Vehicle.Name } };
        var dialog = await Dialogs.ShowAsync<MaintenanceDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: Core.Fleet.Maintenance.MaintenanceResult result })
        {
            Snackbar.Add(L["Maint.Saved", result.Moved, result.Cancelled], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task EndMaintenanceAsync(Core.Fleet.Maintenance.MaintenanceWindowView window)
    {
        var outcome = await Windows.EndAsync(_actor, Id, window.Id);
        Snackbar.Tell(outcome, L["Maint.Ended"]);
        await LoadAsync();
    }

    private async Task ReportAsync()
    {
        var parameters = new DialogParameters<DamageDialog> { { d => d.Actor, _actor }, { d => d.VehicleId, Id } };
        var dialog = await Dialogs.ShowAsync<DamageDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Vehicle.Reported"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task CorrectOdometerAsync()
    {
        var parameters = new DialogParameters<OdometerDialog>
        {
            { d => d.Actor, _actor }, { d => d.VehicleId, Id }, { d => d.Current, _details!.Vehicle.LastOdometerKm },
        };
        var dialog = await Dialogs.ShowAsync<OdometerDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Vehicle.OdometerCorrected"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task EditAsync()
    {
        var parameters = new DialogParameters<VehicleFormDialog> { { d => d.Existing, _details!.Vehicle } };
        var dialog = await Dialogs.ShowAsync<VehicleFormDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Vehicle.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ToggleMaintenanceAsync()
    {
        var v = _details!.Vehicle;
        var status = v.Status == VehicleStatus.Maintenance ? VehicleStatus.Active : VehicleStatus.Maintenance;
        var input = new VehicleInput(v.Kind, v.Name, v.Registration, v.SiteId, v.DepartmentId, v.Fuel, v.ApprovedFuels.ToList(), v.RangeKm, v.Seats,
            status, v.AcquiredOn, null, v.PlannedRetirementOn, v.ReplacementFuel);
        Snackbar.Tell(await Fleet.UpdateAsync(_actor, Id, input), L["Vehicle.Saved"]);
        await LoadAsync();
    }

    private async Task RetireAsync()
    {
        var parameters = new DialogParameters<RetireDialog> { { d => d.VehicleName, _details!.Vehicle.Name } };
        var dialog = await Dialogs.ShowAsync<RetireDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: FutureBookings choice })
        {
            var outcome = await Retirement.RetireAsync(_actor, Id, choice);
            Snackbar.Tell(outcome, outcome.Value is { } r ? L["Retire.Done", r.Vehicle.Name, r.Moved, r.Cancelled] : "");
            await LoadAsync();
        }
    }

    private async Task ResolveAsync(int reportId)
    {
        Snackbar.Tell(await Damage.ResolveAsync(_actor, reportId), L["Vehicle.Saved"]);
        await LoadAsync();
    }
}
