namespace FleetPool.Core.Bookings;

/// <summary>
/// A person's bookings as their list shows them, every part bounded. <see cref="Upcoming"/>: the soonest
/// <see cref="BookingQueries.UpcomingShown"/> that hold or await a vehicle, a series by its next reserved trip only;
/// <see cref="UpcomingTotal"/> counts them all the same way. <see cref="Past"/>: trips that happened or were missed,
/// newest first, of <see cref="PastTotal"/>. <see cref="Cancelled"/>: the latest few.
/// </summary>
public sealed record MyBookingsOverview(
    IReadOnlyList<BookingView> Upcoming, int UpcomingTotal, IReadOnlyDictionary<int, int> MoreInSeries,
    IReadOnlyList<BookingView> Past, int PastTotal, IReadOnlyList<BookingView> Cancelled)
{
    /// <summary>How many more reserved trips follow <paramref name="booking"/> in its series.</summary>
    public int More(BookingView booking) => MoreInSeries.GetValueOrDefault(booking.Id);

    /// <summary>Nothing booked, waited for or cancelled.</summary>
    public bool IsEmpty => UpcomingTotal == 0 && PastTotal == 0 && Cancelled.Count == 0;
}
