using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Web.Components.Shared;
using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace FleetPool.Web.Components.Pages.Bookings;

/// <summary>Check-out (readings) or check-in (readings, refuelling, damage) of one booking; closes with the updated booking.</summary>
public partial class TripDialog
{
    private readonly FormErrors _errors = new();
    private int? _odometer, _battery, _fuel;
    private bool _refuelled, _damaged, _injury, _busy, _usable = true;
    private DamageSeverity _severity = DamageSeverity.Minor;
    private FuelType? _refuelFuel;
    private double? _refuelAmount;
    private string? _damageText, _alert;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private BookingLifecycle Lifecycle { get; set; } = default!;
    [Inject] private ILogger<TripDialog> Logger { get; set; } = default!;
    [Inject] private VehicleService Vehicles { get; set; } = default!;

    /// <summary>The booking to check out or in.</summary>
    [Parameter, EditorRequired] public BookingView Booking { get; set; } = default!;

    /// <summary>True for check-in, false for check-out.</summary>
    [Parameter] public bool CheckIn { get; set; }

    private bool Motor => Booking.VehicleKind.IsMotorVehicle();

    /// <summary>Opens the dialog for a pick-up or a return; says so in a toast and returns true when it was saved.</summary>
    public static async Task<bool> OpenAsync(IDialogService dialogs, ISnackbar snackbar, Microsoft.Extensions.Localization.IStringLocalizer<Localization.SharedResource> l,
        BookingView booking, bool checkIn)
    {
        var parameters = new DialogParameters<TripDialog> { { d => d.Booking, booking }, { d => d.CheckIn, checkIn } };
        var dialog = await dialogs.ShowAsync<TripDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false })
        {
            return false;
        }
        snackbar.Add(l[checkIn ? "Mine.CheckedIn" : "Mine.CheckedOut"], Severity.Success);
        return true;
    }

    // At pick-up the odometer should read what it read at the last return: offered, so an unchanged reading is one tap.
    protected override async Task OnInitializedAsync()
    {
        if (!CheckIn && Motor && (await Vehicles.GetAsync(Booking.VehicleId)).Value is { LastOdometerKm: > 0 } vehicle)
        {
            _odometer = vehicle.LastOdometerKm;
        }
    }

    private bool Charged => Booking.VehicleFuel is FuelType.Electric or FuelType.PluginHybrid;

    private IEnumerable<FuelType> Refuelable
    {
        get
        {
            var vehicle = new Vehicle { Name = Booking.VehicleName, Kind = Booking.VehicleKind, Fuel = Booking.VehicleFuel };
            return Enum.GetValues<FuelType>().Where(f => RefuelInput.CanTake(vehicle, f));
        }
    }

    private async Task SaveAsync()
    {
        (_alert, _busy) = (null, true);
        _errors.Begin();
        var readings = new TripReadings(_odometer, Charged ? _battery : null, Charged ? null : _fuel,
            CheckIn && _refuelled ? new RefuelInput(_refuelFuel, _refuelAmount) : null,
            CheckIn && _damaged ? new DamageInput(_damageText, _injury, _severity, _usable) : null);
        Outcome<BookingView> outcome;
        try
        {
            var actor = (await AuthState).User.ToActor();
            outcome = CheckIn ? await Lifecycle.CheckInAsync(actor, Booking.Id, readings) : await Lifecycle.CheckOutAsync(actor, Booking.Id, readings);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Check-in/out of booking {Id} failed", Booking.Id);
            (_alert, _busy) = (L["Common.Error"], false);
            return;
        }
        _busy = false;
        if (outcome.Value is { } updated)
        {
            Dialog.Close(DialogResult.Ok(updated));
            return;
        }
        _alert = _errors.Take(outcome.Problem!, "odometerKm", "batteryPercent", "fuelEighths", "refuel.fuel", "refuel.amount", "damage.description");
    }
}
