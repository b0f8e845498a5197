using System.Globalization;
using FleetPool.Core.Bookings;
using FleetPool.Core.Bookings.Series;
using FleetPool.Core.Common;
using FleetPool.Core.Time;
using FleetPool.Web.Components.Shared;
using FleetPool.Web.Setup;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NodaTime;

namespace FleetPool.Web.Components.Pages.Bookings;

/// <summary>
/// One repeating trip: its rule, its trips, the dates it could not book; change or cancel this and the following trips
/// from a date, or one trip. Core (<see cref="SeriesService"/>) decides what may move; the page shows what it says.
/// </summary>
public partial class SeriesPage
{
    private readonly FormErrors _errors = new();
    private SeriesDetails? _details;
    private IReadOnlyList<SkippedOccurrence> _notChanged = [];
    private Actor _actor = default!;
    private bool _busy, _notFound;
    private DateTime? _from;
    private TimeSpan? _startTime, _endTime;

    [Parameter] public int Id { get; set; }

    [Inject] private SeriesService SeriesService { get; set; } = default!;
    [Inject] private BookingLifecycle Lifecycle { get; set; } = default!;
    [Inject] private OrganisationTime Time { get; set; } = default!;
    [Inject] private IClock Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private SeriesView Series => _details!.Series;

    private DateTime Today => Time.DateOf(Clock.GetCurrentInstant()).ToDateTimeUnspecified();

    private bool Running => Series.EndedAt is null && Series.LastDate >= Time.DateOf(Clock.GetCurrentInstant());

    private string Rule
    {
        get
        {
            var times = $"{Series.StartTime.ToString("HH:mm", null)}–{Series.EndTime.ToString("HH:mm", null)}";
            if (Series.Every == RepeatEvery.Weekday)
            {
                return L["Series.RuleWeekdays", times];
            }
            var names = Series.Days.Select(d => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName((DayOfWeek)((int)d % 7)));
            return L["Series.RuleWeekly", string.Join(", ", names), times];
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _actor = (await AuthState).User.ToActor();
        await LoadAsync();
        if (_details is not null)
        {
            _from = (_details.Occurrences.FirstOrDefault(b => b.Status == BookingStatus.Reserved) is { } next ? Time.DateOf(next.Start) : Time.DateOf(Clock.GetCurrentInstant()))
                .ToDateTimeUnspecified();
            (_startTime, _endTime) = (Series.StartTime.ToTimeOnly().ToTimeSpan(), Series.EndTime.ToTimeOnly().ToTimeSpan());
        }
    }

    private async Task LoadAsync()
    {
        var outcome = await SeriesService.GetAsync(_actor, Id);
        (_details, _notFound) = (outcome.Value, outcome.Value is null);
    }

    private LocalDate? From => _from is { } d ? LocalDate.FromDateTime(d) : null;

    private async Task ChangeFromAsync()
    {
        _errors.Begin();
        var start = _startTime is { } s ? LocalTime.FromTicksSinceMidnight(s.Ticks) : (LocalTime?)null;
        var end = _endTime is { } e ? LocalTime.FromTicksSinceMidnight(e.Ticks) : (LocalTime?)null;
        _busy = true;
        var outcome = await SeriesService.ChangeAsync(_actor, Id, new SeriesChange(From, start == Series.StartTime ? null : start, end == Series.EndTime ? null : end, null));
        _busy = false;
        if (outcome.Value is { } update)
        {
            _notChanged = update.NotChanged;
            Snackbar.Add(L["Series.Changed", update.Changed], update.NotChanged.Count == 0 ? Severity.Success : Severity.Warning);
            await LoadAsync();
            return;
        }
        if (_errors.Take(outcome.Problem!, "from", "startTime", "endTime") is { } rest)
        {
            Snackbar.Add(rest, Severity.Error);
        }
    }

    private async Task CancelFromAsync(bool all)
    {
        var from = all ? Series.FirstDate : From;
        var text = all ? L["Series.CancelAllConfirm"] : L["Series.CancelFromConfirm", from?.ToString("d", CultureInfo.CurrentCulture) ?? ""];
        if (await Dialogs.ShowMessageBoxAsync(L["Common.Confirm"], text, yesText: L["Mine.Cancel"], cancelText: L["Common.No"]) != true)
        {
            return;
        }
        _busy = true;
        var outcome = await SeriesService.CancelAsync(_actor, Id, from);
        _busy = false;
        Snackbar.Add(outcome.Value is { } done ? L["Series.CancelledCount", done.Changed] : outcome.Problem!.Summary,
            outcome.Succeeded ? Severity.Success : Severity.Error);
        await LoadAsync();
    }

    private async Task CancelOneAsync(BookingView booking)
    {
        _busy = true;
        var outcome = await Lifecycle.CancelAsync(_actor, booking.Id);
        _busy = false;
        Snackbar.Tell(outcome, L["Mine.Cancelled"]);
        await LoadAsync();
    }
}
