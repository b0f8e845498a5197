using NodaTime;

namespace FleetPool.Core.Bookings.Series;

/// <summary>A vehicle offered instead.</summary>
public sealed record VehicleChoice(int VehicleId, string Name);

/// <summary>
/// An occurrence that could not be booked: its date, its slot when the date has one, the field and rule that refused it,
/// and, when the slot was taken, a free vehicle of the same kind (and no less fossil-free) that could be booked instead.
/// </summary>
public sealed record SkippedOccurrence(LocalDate Date, Instant? Start, Instant? End, string Field, string Reason, VehicleChoice? Instead);

/// <summary>What callers see of a series.</summary>
public sealed record SeriesView(
    int Id, int VehicleId, string VehicleName, RepeatEvery Every, IReadOnlyList<IsoDayOfWeek> Days, LocalDate FirstDate, LocalDate LastDate,
    int? Count, LocalTime StartTime, LocalTime EndTime, int EndDayOffset, LocalDate BookedThrough, string Purpose, string? Destination,
    int BookerId, int? DriverId, Instant CreatedAt, Instant? EndedAt)
{
    /// <summary>Projects a series with its vehicle's name.</summary>
    public static SeriesView From(BookingSeries s, string vehicleName) => new(
        s.Id, s.VehicleId, vehicleName, s.Every, DaysOf(s.DaysMask), s.FirstDate, s.LastDate, s.Count, s.StartTime, s.EndTime, s.EndDayOffset,
        s.BookedThrough, s.Purpose, s.Destination, s.BookerId, s.DriverId, s.CreatedAt, s.EndedAt);

    /// <summary>The weekdays a mask holds, Monday first.</summary>
    public static IReadOnlyList<IsoDayOfWeek> DaysOf(int mask) =>
        Enumerable.Range(1, 7).Where(d => (mask & 1 << (d - 1)) != 0).Select(d => (IsoDayOfWeek)d).ToList();
}

/// <summary>
/// The outcome of booking a series' dates: what was booked, what was not (and why), and the dates beyond the site's "book
/// ahead" horizon, which a daily job books as the horizon reaches them.
/// </summary>
public sealed record SeriesResult(SeriesView Series, IReadOnlyList<BookingView> Booked, IReadOnlyList<SkippedOccurrence> NotBooked, IReadOnlyList<LocalDate> Later);

/// <summary>A series with its occurrences, and the dates tried so far that have no booking (refused, or cancelled and gone).</summary>
public sealed record SeriesDetails(SeriesView Series, IReadOnlyList<BookingView> Occurrences, IReadOnlyList<LocalDate> Missing, int LaterCount);

/// <summary>
/// A change to "this and following" occurrences of a series from <see cref="From"/>: new times of day and/or another
/// vehicle. Omitted fields stay as they are; reasons as for a single booking's change.
/// </summary>
public sealed record SeriesChange(LocalDate? From, LocalTime? StartTime, LocalTime? EndTime, int? VehicleId, string? CarReason = null, string? FossilReason = null)
{
    /// <summary>Field errors in the change itself (400).</summary>
    public Common.FieldErrors Validate()
    {
        var e = new Common.FieldErrors();
        e.AddIf(From is null, "from", Common.Text.Get("Required"));
        e.AddIf(StartTime is null && EndTime is null && VehicleId is null, "startTime", Common.Text.Get("ChangeSomething"));
        e.AddIf(VehicleId is <= 0, "vehicleId", Common.Text.Get("PositiveId"));
        return e.OptionalText(CarReason, "carReason", 500).OptionalText(FossilReason, "fossilReason", 500);
    }
}

/// <summary>What a change or cancellation of several occurrences did: the ones changed and the ones left as they were, with why.</summary>
public sealed record SeriesUpdate(SeriesView Series, int Changed, IReadOnlyList<SkippedOccurrence> NotChanged);
