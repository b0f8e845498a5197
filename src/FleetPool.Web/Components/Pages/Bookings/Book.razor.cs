using System.Globalization;
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
using Microsoft.JSInterop;
using MudBlazor;
using NodaTime;

namespace FleetPool.Web.Components.Pages.Bookings;

/// <summary>
/// Book a trip: where and when first (or the whole trip in one line), with defaults for the rest; the choices per mode
/// follow as the trip changes, and one press books. What a booking still needs (purpose, cost centre, reasons) is asked
/// at the button that was pressed; Core decides which reasons (<see cref="VehicleAvailability.Needs"/>) and enforces them.
/// </summary>
public partial class Book
{
    private readonly FormErrors _errors = new();
    private IReadOnlyList<Site>? _sites;
    private IReadOnlyList<CostCenterSummary> _costCenters = [];
    private IReadOnlyList<string> _recentPurposes = [];
    private AvailabilityResult? _result;
    private (Instant Start, Instant End) _slot;
    private (int VehicleId, string Message)? _bookError;
    private RoundProposal? _round;
    private int _stopKey;
    private Core.Bookings.Series.SeriesResult? _seriesResult;
    private BookingRequest? _seriesRequest;
    private readonly HashSet<LocalDate> _insteadBooked = [];
    private bool _revealSeries;
    private string? _alert, _understood, _notUnderstood;
    private bool _busy, _more, _all, _whenChosen, _reveal;
    private int _version;
    private Actor _actor = default!;
    private MudAutocomplete<PlaceView>? _placeField;
    private MudNumericField<double?>? _distanceField;
    private MudTextField<string>? _purposeField;
    private MudSelect<string>? _costCenterField;

    [Inject] private AvailabilityService Availability { get; set; } = default!;
    [Inject] private BookingService Bookings { get; set; } = default!;
    [Inject] private Core.Bookings.Series.SeriesService Series { get; set; } = default!;
    [Inject] private Core.Bookings.Waitlist.WaitlistService Waitlist { get; set; } = default!;
    [Inject] private BookingQueries Queries { get; set; } = default!;
    [Inject] private BookingDefaults Defaults { get; set; } = default!;
    [Inject] private TripPhrases Phrases { get; set; } = default!;
    [Inject] private OrganisationDirectory Directory { get; set; } = default!;
    [Inject] private OrganisationTime Time { get; set; } = default!;
    [Inject] private IClock Clock { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private PlaceRegistry Places { get; set; } = default!;
    [Inject] private RoundPlanning Rounds { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    /// <summary>A trip phrase from the start page's one-line field.</summary>
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }

    /// <summary>A pick-up site chosen elsewhere (a key cabinet's sticker); text, so a mangled link is ignored, not an error.</summary>
    [SupplyParameterFromQuery(Name = "site")] public string? SiteQuery { get; set; }

    /// <summary>The vehicle whose sticker was scanned: offered first when it is free.</summary>
    [SupplyParameterFromQuery(Name = "vehicle")] public string? VehicleQuery { get; set; }

    private static int? IdOf(string? text) => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    private VehicleAvailability? Scanned => IdOf(VehicleQuery) is { } id ? _result?.Vehicles.FirstOrDefault(v => v.Vehicle.Id == id) : null;

    /// <summary>The form's values (public so tests can fill it the way a person would).</summary>
    public BookingFormModel Form { get; } = new();

    private Site? Site => _sites?.FirstOrDefault(s => s.Id == Form.SiteId);

    private string SiteName => Site?.Name ?? "";

    private bool Bookable => _result is { SlotProblems.Count: 0 };

    private string? Destination => Form.Confidential || string.IsNullOrWhiteSpace(Form.Destination) ? null : Form.Destination;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthState).User.ToActor();
        _sites = await Directory.SitesWithHoursAsync();
        _costCenters = await Directory.CostCentersAsync(_actor);
        var start = await Defaults.ForAsync(_actor);
        _recentPurposes = start.RecentPurposes;
        var site = _sites.FirstOrDefault(s => s.Id == IdOf(SiteQuery)) ?? _sites.FirstOrDefault(s => s.Id == start.SiteId)
            ?? (_sites.Count > 0 ? _sites[0] : null); // a deleted default site falls back
        (Form.SiteId, Form.CostCenter, Form.Purpose) = (site?.Id, start.CostCenter, _recentPurposes.Count > 0 ? _recentPurposes[0] : null);
        NextFreeStart();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            await ParseLineAsync(Q);
        }
    }

    // The first start from now whose return the site also allows (else its first pick-up at all, which the page explains).
    private void NextFreeStart()
    {
        var now = Clock.GetCurrentInstant();
        var first = Site is not { } site ? null
            : BookingRules.FirstFittingStart(site, now, Form.Length, Time) ?? BookingRules.FirstFittingStart(site, now, Duration.Zero, Time);
        (Form.Date, Form.Start) = first is { } at ? (at.Date.ToDateTimeUnspecified(), at.TimeOfDay)
            : (Time.DateOf(now).PlusDays(1).ToDateTimeUnspecified(), new LocalTime(9, 0));
    }

    private async Task ParseLineAsync(string text)
    {
        var phrase = await Phrases.ParseAsync(_actor, text);
        var place = phrase.PlaceId is { } id ? (await Places.SearchAsync(_actor, phrase.PlaceName, 50)).FirstOrDefault(p => p.Id == id) : null;
        Form.Apply(phrase, place);
        _whenChosen |= phrase.Date is not null || phrase.StartTime is not null;
        _more |= phrase.Kind is not null || phrase.Passengers is not null || phrase.Destination is not null;
        _understood = phrase.IsEmpty ? L["Line.Nothing"] : L["Line.Understood", Understood(phrase, place)];
        var unclear = phrase.NotUnderstood.Count > 0 ? L["Line.NotUnderstood", string.Join(" ", phrase.NotUnderstood)].Value : null;
        _notUnderstood = string.Join(" ", new[] { unclear }.Concat(phrase.Problems).OfType<string>()) is { Length: > 0 } m ? m : null;
        await TripChangedAsync();
        await RevealResultsAsync();
    }

    private string Understood(TripPhrase p, PlaceView? place)
    {
        var parts = new List<string>();
        if (p.Kind is { } kind)
        {
            parts.Add(L.Of(kind));
        }
        if (Form.Slot(Time, out _, out _) is { } slot && (p.Date is not null || p.StartTime is not null))
        {
            parts.Add(Display.Slot(slot.Start, slot.End, Time));
        }
        parts.AddRange(new[] { place?.Name, p.Destination, p.DistanceKm is { } km ? $"{km.ToString("0.#", CultureInfo.CurrentCulture)} km" : null,
            p.Passengers is { } n ? L["Line.People", n].Value : null, p.Purpose is { } purpose ? $"”{purpose}”" : null }.OfType<string>());
        return string.Join(" · ", parts);
    }

    private Task PlaceChangedAsync(PlaceView? place)
    {
        (Form.Place, Form.DistanceKm) = (place, place is null ? Form.DistanceKm : null);
        if (place is null)
        {
            Form.ExtraStops.Clear();
        }
        _errors.Clear("where");
        return TripChangedAsync(reveal: place is not null);
    }

    // A round: the destination and the stops added after it, as typed; Core plans the order.
    private List<int> StopIds => [Form.Place!.Id, .. Form.ExtraStops.Select(s => s.Id)];

    // What the trip's km are for availability and the waitlist: a round's one-way equivalent (half the round), else as given.
    private double? TripKm => _round is { } r ? Math.Round(r.Km / 2, 2) : Form.DistanceKm;

    // The saving is named only when the order typed was not already the best.
    private string RoundText(RoundProposal r) => L[r.SavedKm >= 0.05 ? "Stops.Round" : "Stops.RoundAsTyped", string.Join(" → ", r.Order.Select(l => l.Place ?? "?")),
        r.Km.ToString("0.#", CultureInfo.CurrentCulture), r.SavedKm.ToString("0.#", CultureInfo.CurrentCulture)];

    private Task AddStopAsync(PlaceView? place)
    {
        if (place is not null && Form.Place?.Id != place.Id && Form.ExtraStops.All(s => s.Id != place.Id))
        {
            Form.ExtraStops.Add(place);
        }
        _stopKey++; // a fresh field for the next stop
        return TripChangedAsync(reveal: false);
    }

    private Task RemoveStopAsync(PlaceView stop)
    {
        Form.ExtraStops.Remove(stop);
        return TripChangedAsync(reveal: false);
    }

    private Task DistanceChangedAsync(double? km)
    {
        Form.DistanceKm = km;
        if (km is not null)
        {
            (Form.Place, Form.ExtraStops) = (null, []);
        }
        _errors.Clear("where");
        return TripChangedAsync(reveal: false);
    }

    private Task SiteChangedAsync(int? siteId)
    {
        Form.SiteId = siteId;
        NextFreeStartIfClosed();
        return TripChangedAsync();
    }

    // A new site: the default time becomes that site's next free start; a chosen time stays when the site allows it.
    private void NextFreeStartIfClosed()
    {
        if (!_whenChosen || (Site is { } site && Form.Day is { } day && Form.Start is { } start
            && !BookingRules.PickUpTimes(site, day, Clock.GetCurrentInstant(), Time).Contains(start)))
        {
            NextFreeStart();
        }
    }

    private Task WhenChangedAsync()
    {
        _whenChosen = true;
        return TripChangedAsync();
    }

    private Task KindChangedAsync(VehicleKind? kind)
    {
        Form.Kind = kind;
        return TripChangedAsync();
    }

    private Task PassengersChangedAsync(int passengers)
    {
        Form.Passengers = passengers;
        return TripChangedAsync();
    }

    private void PurposeChanged(string? purpose)
    {
        Form.Purpose = purpose;
        _errors.Clear("purpose");
        _bookError = null;
    }

    private void CostCenterChanged(string? code)
    {
        Form.CostCenter = code;
        _errors.Clear("costCenter");
        _bookError = null;
    }

    private Task TripChangedAsync() => TripChangedAsync(reveal: false);

    // Every change of the trip drops the old answer at once; a newer change wins over a slower, older search.
    private async Task TripChangedAsync(bool reveal)
    {
        var version = ++_version;
        (_result, _alert, _bookError, _all) = (null, null, null, false);
        if (!Form.HasWhere || Form.SiteId is null)
        {
            return;
        }
        if (Form.Slot(Time, out var field, out var message) is not { } slot)
        {
            if (message is not null)
            {
                _errors.Set(field!, message);
            }
            return;
        }
        _busy = true;
        _round = Form.Place is { } first && Form.ExtraStops.Count > 0
            ? (await Rounds.PlanAsync(_actor, new RoundRequest(Form.SiteId, [.. StopIds.Select(id => new RoundStopInput(id, null, null))]))).Value : null;
        var outcome = await Availability.FindAsync(_actor, new AvailabilityQuery(Form.SiteId, slot.Start, slot.End, Form.Kind,
            Form.Passengers, TripKm, Destination, _round is null ? Form.Place?.Id : null));
        if (version != _version)
        {
            return;
        }
        _busy = false;
        if (outcome.Problem is { } problem)
        {
            Show(problem);
            return;
        }
        (_result, _slot) = (outcome.Value, slot);
        if (reveal)
        {
            await RevealResultsAsync();
        }
    }

    // Scrolling needs the browser: it happens after the next render, which a prerender (a link opened directly) never has.
    private Task RevealResultsAsync()
    {
        _reveal = true;
        StateHasChanged();
        return Task.CompletedTask;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_reveal)
        {
            _reveal = false;
            await Js.InvokeVoidAsync("fleetPool.reveal", "results-heading");
        }
        if (_revealSeries)
        {
            _revealSeries = false;
            await Js.InvokeVoidAsync("fleetPool.reveal", "series-result");
        }
    }

    // Another site open for the same times: keep the times, take the vehicle from there.
    private Task UseSiteAsync(int siteId)
    {
        Form.SiteId = siteId;
        return TripChangedAsync(reveal: true);
    }

    private async Task MoveToAsync(Instant start)
    {
        var local = Time.ToLocal(start);
        (Form.Date, Form.Start) = (local.Date.ToDateTimeUnspecified(), local.TimeOfDay);
        if (Form.CustomReturn)
        {
            Form.CustomReturn = false;
            Form.Length = _slot.End - _slot.Start;
        }
        await TripChangedAsync(reveal: true);
    }

    private async Task BookAsync(VehicleAvailability item)
    {
        var vehicle = item.Vehicle;
        _bookError = null;
        if (!await ConfirmOwnOverlapAsync())
        {
            return;
        }
        var (purpose, costCenter, carReason, fossilReason) = (Form.Purpose?.Trim(), Form.CostCenter, (string?)null, (string?)null);
        var needsPurpose = string.IsNullOrEmpty(purpose);
        var needsCostCenter = string.IsNullOrEmpty(costCenter);
        if (needsPurpose || needsCostCenter || !item.Needs.None)
        {
            if (await AskAsync(item, needsPurpose, needsCostCenter) is not { } answers)
            {
                return;
            }
            (purpose, costCenter, carReason, fossilReason) = (answers.Purpose ?? purpose, answers.CostCenter ?? costCenter, answers.CarReason, answers.FossilReason);
            (Form.Purpose, Form.CostCenter) = (purpose, costCenter);
        }
        _busy = true;
        var request = new BookingRequest(vehicle.Id, _slot.Start, _slot.End,
            purpose, costCenter, _round is null ? Form.DistanceKm : null, Destination, null, carReason, fossilReason, Form.AlternativeCheck,
            _round is null ? Form.Place?.Id : null, Form.Confidential, Form.Passengers, Stops: _round is null ? null : StopIds);
        if (Form.Recurrence() is { } repeat)
        {
            await BookSeriesAsync(vehicle, request with { Repeat = repeat });
            return;
        }
        var outcome = await Bookings.CreateAsync(_actor, request);
        _busy = false;
        if (outcome.Value is { } booking)
        {
            Snackbar.Add(booking.Status == BookingStatus.Pending ? L["Book.Pending", booking.VehicleName, Display.Slot(booking.Start, booking.End, Time)]
                : L["Book.Booked", booking.VehicleName, Display.Slot(booking.Start, booking.End, Time)], Severity.Success);
            Navigation.NavigateTo("bookings");
            return;
        }
        await ShowBookProblemAsync(vehicle, outcome.Problem!);
    }

    // A series books what it can at once; when some dates could not be booked they are listed with another car to take.
    private async Task BookSeriesAsync(VehicleView vehicle, BookingRequest request)
    {
        var outcome = await Series.CreateAsync(_actor, request);
        _busy = false;
        if (outcome.Value is { } made)
        {
            _seriesRequest = request;
            if (made.NotBooked.Count == 0)
            {
                Snackbar.Add(L["Series.AllBooked", made.Booked.Count, vehicle.Name], Severity.Success);
                Navigation.NavigateTo($"series/{made.Series.Id}");
                return;
            }
            (_seriesResult, _revealSeries) = (made, true);
            return;
        }
        await ShowBookProblemAsync(vehicle, outcome.Problem!);
    }

    // Nothing of the mode is free: join the line for the same slot and trip; a freed vehicle is held for the first in line.
    private async Task WaitAsync(string mode)
    {
        _errors.Begin();
        if (Site is not { } site)
        {
            return;
        }
        var kind = mode switch { "eBike" => VehicleKind.EBike, "bike" => VehicleKind.Bike, _ => VehicleKind.Car };
        _busy = true;
        var outcome = await Waitlist.JoinAsync(_actor, new Core.Bookings.Waitlist.WaitlistRequest(site.Id, kind, _slot.Start, _slot.End,
            Form.Purpose?.Trim(), Form.CostCenter, TripKm, _round is null ? Form.Place?.Id : null, Form.Passengers));
        _busy = false;
        if (outcome.Value is { } entry)
        {
            Snackbar.Add(L["Wait.Joined", entry.Position], Severity.Success);
            Navigation.NavigateTo("bookings");
            return;
        }
        _alert = _errors.Take(outcome.Problem!, "purpose", "costCenter");
        await FocusFirstErrorAsync();
    }

    // One date of a series taken: book the other free car offered for that slot, with the series' answers.
    private async Task BookInsteadAsync(Core.Bookings.Series.SkippedOccurrence skipped)
    {
        if (_seriesRequest is null || skipped is not { Instead: { } instead, Start: { } start, End: { } end })
        {
            return;
        }
        _busy = true;
        var outcome = await Bookings.CreateAsync(_actor, _seriesRequest with { VehicleId = instead.VehicleId, Start = start, End = end, Repeat = null });
        _busy = false;
        if (outcome.Value is { } booking)
        {
            _insteadBooked.Add(skipped.Date);
            Snackbar.Add(L["Book.Booked", booking.VehicleName, Display.Slot(booking.Start, booking.End, Time)], Severity.Success);
        }
        else
        {
            Snackbar.Add(outcome.Problem!.Summary, Severity.Error);
        }
    }

    private async Task ShowBookProblemAsync(VehicleView vehicle, Problem problem)
    {
        if (problem.Kind == ProblemKind.Conflict)
        {
            await TripChangedAsync(reveal: false);
            _alert = L["Book.Conflict"]; // the vehicle's button is gone with it: the message goes above the refreshed choices
            return;
        }
        // The message goes under the button that was pressed; a field it names also shows it and gets focus.
        var rest = _errors.Take(problem, "purpose", "costCenter", "destination", "repeat", "repeat.days", "repeat.until", "repeat.count");
        _bookError = (vehicle.Id, rest ?? string.Join(" ", problem.Errors.Values.SelectMany(m => m)));
        await FocusFirstErrorAsync();
    }

    private async Task<bool> ConfirmOwnOverlapAsync()
    {
        var own = await Queries.OwnDuringAsync(_actor, _slot.Start, _slot.End);
        if (own.Count == 0)
        {
            return true;
        }
        var list = string.Join("; ", own.Select(b => $"{b.VehicleName} {Display.Slot(b.Start, b.End, Time)}"));
        return await Dialogs.ShowMessageBoxAsync(L["Book.OverlapTitle"], L["Book.OverlapText", list], yesText: L["Book.OverlapYes"], cancelText: L["Common.Cancel"]) == true;
    }

    private async Task<BookingAnswers?> AskAsync(VehicleAvailability item, bool purpose, bool costCenter)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.VehicleName, item.Vehicle.Name }, { d => d.DistanceKm, _result?.Advice.DistanceKm ?? 0 },
            { d => d.NeedsPurpose, purpose }, { d => d.NeedsCostCenter, costCenter }, { d => d.CostCenters, _costCenters },
            { d => d.NeedsCarReason, item.NeedsCarReason }, { d => d.NeedsFossilReason, item.NeedsFossilReason },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false, Data: BookingAnswers answers } ? answers : null;
    }

    private async Task FocusFirstErrorAsync()
    {
        switch (_errors.FirstOf("where", "purpose", "costCenter"))
        {
            case "where" when _placeField is not null:
                await _placeField.FocusAsync();
                break;
            case "purpose" when _purposeField is not null:
                await _purposeField.FocusAsync();
                break;
            case "costCenter" when _costCenterField is not null:
                await _costCenterField.FocusAsync();
                break;
        }
    }

    private async Task<IEnumerable<PlaceView>> SearchPlacesAsync(string? text, CancellationToken ct) =>
        await Places.SearchAsync(_actor, text, 20, ct);

    // Field errors go next to their field; the rest (vehicle, driver, status) into the alert above the choices.
    private void Show(Problem problem)
    {
        var rest = _errors.Take(problem, "site", "start", "end", "destination");
        foreach (var (from, to) in new[] { ("from", "start"), ("to", "end"), ("distanceKm", "where"), ("placeId", "where") })
        {
            if (problem.Errors.TryGetValue(from, out var messages))
            {
                _errors.Set(to, string.Join(" ", messages));
            }
        }
        _alert = rest is null || problem.Errors.Keys.All(k => k is "from" or "to" or "distanceKm" or "placeId") ? null : rest;
    }
}
