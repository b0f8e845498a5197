using System.Globalization;
using FleetPool.Core.Bookings;
using FleetPool.Core.Time;
using FleetPool.Web.Components.Shared;
using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NodaTime;

namespace FleetPool.Web.Components.Pages.Bookings;

/// <summary>The caller's bookings: what is coming (check out, check in, cancel) and what has been.</summary>
public partial class MyBookings
{
    // A series shows its next reserved trip only (with how many follow): sixty weekday trips would bury everything else.
    private MyBookingsOverview? _mine;
    private Core.Common.Actor? _actor;
    private bool _busy;

    [Inject] private BookingQueries Queries { get; set; } = default!;
    [Inject] private BookingLifecycle Lifecycle { get; set; } = default!;
    [Inject] private Core.Bookings.Waitlist.WaitlistService Waitlist { get; set; } = default!;
    [Inject] private OrganisationTime Time { get; set; } = default!;
    [Inject] private IClock Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyDictionary<int, PickUp> _pickUps = new Dictionary<int, PickUp>();

    private Instant Now => Clock.GetCurrentInstant();

    // "09:30" today, else the date as well.
    private string Opening(Instant opens) => Time.DateOf(opens) == Time.DateOf(Now)
        ? Time.ToLocal(opens).TimeOfDay.ToString("HH:mm", CultureInfo.CurrentCulture)
        : $"{Time.DateOf(opens).ToString("d", CultureInfo.CurrentCulture)} {Time.ToLocal(opens).TimeOfDay.ToString("HH:mm", CultureInfo.CurrentCulture)}";

    // A phone shows ten past trips at a time; "show more" adds ten.
    private int _pastShown = 10;

    private async Task ShowMorePastAsync()
    {
        _pastShown += 10;
        await LoadAsync();
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _actor = (await AuthState).User.ToActor();
        _mine = await Queries.OverviewAsync(_actor, _pastShown);
        _pickUps = await Queries.PickUpsAsync(_actor);
        _waiting = await Waitlist.MineAsync(_actor);
    }

    private IReadOnlyList<Core.Bookings.Waitlist.WaitlistView> _waiting = [];

    private async Task ClaimAsync(Core.Bookings.Waitlist.WaitlistView entry)
    {
        _busy = true;
        var outcome = await Waitlist.ClaimAsync(_actor!, entry.Id);
        _busy = false;
        Snackbar.Add(outcome.Value is { } b ? L["Wait.Claimed", $"{b.VehicleName} {Display.Slot(b.Start, b.End, Time)}"] : outcome.Problem!.Summary,
            outcome.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }

    private async Task LeaveAsync(Core.Bookings.Waitlist.WaitlistView entry)
    {
        _busy = true;
        var outcome = await Waitlist.LeaveAsync(_actor!, entry.Id);
        _busy = false;
        Snackbar.Tell(outcome, L["Wait.Left"]);
        await LoadAsync();
    }

    // A car booked for another driver is theirs to pick up (BookingParties): the booker does not get the button.
    private bool MayCheckOut(BookingView b) => BookingParties.MayCheckOut(_actor!, b.BookerId, b.DriverId, b.VehicleKind);

    private bool MayCheckIn(BookingView b) => BookingParties.MayCheckIn(_actor!, b.BookerId, b.DriverId, b.VehicleKind);

    private async Task TripAsync(BookingView booking, bool checkIn)
    {
        if (await TripDialog.OpenAsync(Dialogs, Snackbar, L, booking, checkIn))
        {
            await LoadAsync();
        }
    }

    private async Task ChangeAsync(BookingView booking)
    {
        var parameters = new DialogParameters<ChangeDialog> { { d => d.Booking, booking } };
        var dialog = await Dialogs.ShowAsync<ChangeDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Mine.Changed"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task CancelAsync(BookingView booking)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Common.Confirm"], L["Mine.CancelConfirm", booking.VehicleName, Display.Slot(booking.Start, booking.End, Time)],
            yesText: L["Mine.Cancel"], cancelText: L["Common.No"]);
        if (confirmed != true)
        {
            return;
        }
        _busy = true;
        var outcome = await Lifecycle.CancelAsync((await AuthState).User.ToActor(), booking.Id);
        _busy = false;
        Snackbar.Tell(outcome, L["Mine.Cancelled"]);
        await LoadAsync();
    }
}
