using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using FleetPool.Web.Components.Shared;
using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NodaTime;

namespace FleetPool.Web.Components.Pages.Bookings;

/// <summary>Book a trip: the slot and trip, then the ranked vehicles, then one click books.</summary>
public partial class Book
{
    private readonly FormErrors _errors = new();
    private IReadOnlyList<SiteSummary>? _sites;
    private IReadOnlyList<CostCenterSummary> _costCenters = [];
    private AvailabilityResult? _result;
    private (Instant Start, Instant End) _slot;
    private string? _alert;
    private Severity _alertSeverity = Severity.Error;
    private bool _busy;

    [Inject] private AvailabilityService Availability { get; set; } = default!;
    [Inject] private BookingService Bookings { get; set; } = default!;
    [Inject] private OrganisationDirectory Directory { get; set; } = default!;
    [Inject] private Profiles Profiles { get; set; } = default!;
    [Inject] private OrganisationTime Time { get; set; } = default!;
    [Inject] private IClock Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private PlaceRegistry Places { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    /// <summary>The form's values (public so tests can fill it the way a person would).</summary>
    public BookingFormModel Form { get; } = new();

    private string SiteName => _sites?.FirstOrDefault(s => s.Id == Form.SiteId)?.Name ?? "";

    protected override async Task OnInitializedAsync()
    {
        var actor = (await AuthState).User.ToActor();
        _sites = await Directory.SitesAsync();
        _costCenters = await Directory.CostCentersAsync(actor);
        var tomorrow = Time.DateOf(Clock.GetCurrentInstant()).PlusDays(1).ToDateTimeUnspecified();
        var preferred = (await Profiles.GetAsync(actor)).DefaultSiteId;
        var site = _sites.FirstOrDefault(s => s.Id == preferred) ?? (_sites.Count > 0 ? _sites[0] : null); // a deleted default site falls back
        (Form.SiteId, Form.Date, Form.ReturnDate) = (site?.Id, tomorrow, tomorrow);
    }

    private async Task SearchAsync()
    {
        (_alert, _alertSeverity) = (null, Severity.Error);
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        _errors.Begin();
        if (!TryReadSlot(out var slot))
        {
            return;
        }
        _busy = true;
        var outcome = await Availability.FindAsync((await AuthState).User.ToActor(), new AvailabilityQuery(Form.SiteId, slot.Start, slot.End, Form.Kind,
            Form.Passengers, Form.DistanceKm, Destination, Form.Place?.Id));
        _busy = false;
        if (outcome.Problem is { } problem)
        {
            Show(problem);
            return;
        }
        (_result, _slot) = (outcome.Value, slot);
    }

    private async Task BookAsync(VehicleView vehicle)
    {
        _errors.Begin();
        RequireTripFields();
        if (!_errors.IsEmpty)
        {
            (_alert, _alertSeverity) = (L["Book.Fix"], Severity.Error);
            return;
        }
        if (await AskReasonsAsync(vehicle) is not var (carReason, fossilReason))
        {
            return;
        }
        _busy = true;
        var user = (await AuthState).User;
        var outcome = await Bookings.CreateAsync(user.ToActor(), new BookingRequest(vehicle.Id, _slot.Start, _slot.End,
            Form.Purpose, Form.CostCenter, Form.DistanceKm, Destination, null, carReason, fossilReason, Form.AlternativeCheck,
            Form.Place?.Id, Form.Confidential, Form.Passengers));
        _busy = false;
        if (outcome.Value is { } booking)
        {
            Snackbar.Add(L["Book.Booked", booking.VehicleName, Display.Slot(booking.Start, booking.End, Time)], Severity.Success);
            Navigation.NavigateTo("bookings");
            return;
        }
        Show(outcome.Problem!);
        if (outcome.Problem!.Kind == ProblemKind.Conflict)
        {
            (_alert, _alertSeverity) = (L["Book.Conflict"], Severity.Warning);
            await RefreshAsync();
        }
    }

    private bool TryReadSlot(out (Instant Start, Instant End) slot)
    {
        slot = default;
        if (Form.SiteId is null)
        {
            _errors.Set("site", L["Book.Required"]);
        }
        var start = _errors.Resolve(Time, Form.Date, Form.StartTime, "start", L["Book.Required"]);
        var end = _errors.Resolve(Time, Form.ReturnDate ?? Form.Date, Form.EndTime, "end", L["Book.Required"]);
        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                _errors.Set("end", L["Book.EndBeforeStart"]);
            }
            slot = (s, e);
        }
        return _errors.IsEmpty;
    }

    private void RequireTripFields()
    {
        if (string.IsNullOrWhiteSpace(Form.Purpose))
        {
            _errors.Set("purpose", L["Book.Required"]);
        }
        if (string.IsNullOrWhiteSpace(Form.CostCenter))
        {
            _errors.Set("costCenter", L["Book.Required"]);
        }
        if (Form.DistanceKm is null && Form.Place is null)
        {
            _errors.Set("distanceKm", L["Book.DistanceOrDestination"]);
        }
    }

    private string? Destination => Form.Confidential || string.IsNullOrWhiteSpace(Form.Destination) ? null : Form.Destination;

    private async Task<IEnumerable<PlaceView>> SearchPlacesAsync(string? text, CancellationToken ct) =>
        await Places.SearchAsync((await AuthState).User.ToActor(), text, 20, ct);

    // Asks only what Core would refuse without; Core still decides (a race can make a reason needed after all).
    private async Task<(string? Car, string? Fossil)?> AskReasonsAsync(VehicleView vehicle)
    {
        var free = _result!.Vehicles.Where(v => v.ReasonUnavailable is null && v.Vehicle.Id != vehicle.Id).Select(v => v.Vehicle).ToList();
        var motor = vehicle.Kind.IsMotorVehicle();
        var needsCar = motor && _result.Advice.FavoursBike() && free.Exists(v => v.Kind is VehicleKind.Bike or VehicleKind.EBike);
        var needsFossil = motor && !vehicle.FossilIndependent && free.Exists(v => v.Kind.IsMotorVehicle() && v.FossilIndependent);
        if (!needsCar && !needsFossil)
        {
            return (null, null);
        }
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.VehicleName, vehicle.Name }, { d => d.DistanceKm, _result.Advice.DistanceKm ?? 0 },
            { d => d.NeedsCarReason, needsCar }, { d => d.NeedsFossilReason, needsFossil },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: ValueTuple<string?, string?> reasons } ? reasons : null;
    }

    // Field errors go next to their field; the rest (vehicle, driver, status) into the alert.
    private void Show(Problem problem)
    {
        var rest = _errors.Take(problem, "site", "from", "to", "start", "end", "purpose", "costCenter", "distanceKm", "destination", "placeId");
        foreach (var (from, to) in new[] { ("from", "start"), ("to", "end") })
        {
            if (problem.Errors.TryGetValue(from, out var messages))
            {
                _errors.Set(to, string.Join(" ", messages));
            }
        }
        (_alert, _alertSeverity) = (rest ?? problem.Title, Severity.Error);
    }
}
