using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Web.Components.Pages.Bookings;

/// <summary>
/// What the Book page's form holds. The trip: where (a place or a distance) and when (a date, a start and a length, or
/// an explicit return for a trip the chips do not cover); the rest has defaults. Times are local (Europe/Stockholm)
/// until <see cref="Slot"/> resolves them; the length is elapsed time, so moving the start keeps it.
/// </summary>
public sealed class BookingFormModel
{
    public int? SiteId { get; set; }
    public DateTime? Date { get; set; }
    public LocalTime? Start { get; set; }
    public Duration Length { get; set; } = Duration.FromHours(2);
    /// <summary>True when the return is chosen as a date and time instead of a length.</summary>
    public bool CustomReturn { get; set; }
    public DateTime? ReturnDate { get; set; }
    public LocalTime? ReturnTime { get; set; }
    public VehicleKind? Kind { get; set; }
    public int Passengers { get; set; } = 1;
    public double? DistanceKm { get; set; }
    public string? Destination { get; set; }
    public PlaceView? Place { get; set; }
    /// <summary>More places to visit after <see cref="Place"/> on the same trip (a round); the order is planned.</summary>
    public List<PlaceView> ExtraStops { get; set; } = [];
    public bool Confidential { get; set; }
    public string AlternativeCheck { get; set; } = "notAsked";
    public string? Purpose { get; set; }
    public string? CostCenter { get; set; }
    /// <summary>How the trip repeats; null for a single trip.</summary>
    public Core.Bookings.Series.RepeatEvery? Repeat { get; set; }
    /// <summary>The days a weekly trip repeats on (empty: the pick-up date's weekday).</summary>
    public HashSet<IsoDayOfWeek> RepeatDays { get; set; } = [];
    /// <summary>How many trips, when no end date is chosen.</summary>
    public int? RepeatCount { get; set; } = 10;
    /// <summary>The last date trips repeat on; when set it wins over the count.</summary>
    public DateTime? RepeatUntil { get; set; }

    /// <summary>The repeat rule as Core takes it (Core validates it), or null for a single trip.</summary>
    public Core.Bookings.Series.Recurrence? Recurrence() => Repeat is not { } every ? null : new(every,
        every == Core.Bookings.Series.RepeatEvery.Week ? (RepeatDays.Count > 0 ? RepeatDays.Order().ToList() : Day is { } d ? [d.DayOfWeek] : []) : null,
        RepeatUntil is { } until ? LocalDate.FromDateTime(until) : null, RepeatUntil is null ? RepeatCount : null);

    /// <summary>True when the trip says where it goes: a place from the register or a distance.</summary>
    public bool HasWhere => Place is not null || DistanceKm is > 0;

    /// <summary>The local date of the pick-up.</summary>
    public LocalDate? Day => Date is { } d ? LocalDate.FromDateTime(d) : null;

    /// <summary>The slot as instants, or the field ("start", "end") and message that stop it.</summary>
    public (Instant Start, Instant End)? Slot(OrganisationTime time, out string? field, out string? message)
    {
        (field, message) = (null, null);
        if (Day is not { } day || Start is not { } start)
        {
            (field, message) = ("start", null);
            return null;
        }
        var from = time.Resolve(day + start);
        if (from.Instant is not { } s)
        {
            (field, message) = ("start", from.Error);
            return null;
        }
        if (!CustomReturn)
        {
            return (s, s + Length);
        }
        if (ReturnDate is not { } rd || ReturnTime is not { } rt)
        {
            (field, message) = ("end", null);
            return null;
        }
        var to = time.Resolve(LocalDate.FromDateTime(rd) + rt);
        if (to.Instant is not { } e)
        {
            (field, message) = ("end", to.Error);
            return null;
        }
        return (s, e);
    }

    /// <summary>Fills the form from a parsed phrase: only what the phrase said, the rest stays.</summary>
    public void Apply(TripPhrase phrase, PlaceView? place)
    {
        Kind = phrase.Kind ?? Kind;
        if (phrase.Date is { } date)
        {
            Date = date.ToDateTimeUnspecified();
        }
        Start = phrase.StartTime ?? Start;
        if (phrase.Length is { } length && length > Duration.Zero)
        {
            (Length, CustomReturn) = (length, false);
        }
        if (phrase.PlaceId is not null && place is not null)
        {
            (Place, DistanceKm) = (place, phrase.DistanceKm);
        }
        else if (phrase.DistanceKm is { } km)
        {
            (Place, DistanceKm) = (null, km);
        }
        Destination = phrase.Destination ?? Destination;
        Passengers = phrase.Passengers ?? Passengers;
        Purpose = phrase.Purpose ?? Purpose;
    }
}
