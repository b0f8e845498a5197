using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// What a one-line trip phrase said, to fill the booking form for the person to confirm (never to book blindly).
/// Every part is optional. <see cref="Start"/> and <see cref="End"/> are set only when the local times exist exactly
/// once in the organisation's zone (else <see cref="Problems"/> says why); <see cref="Length"/> is elapsed time, so
/// "2 h" across a DST change is still two hours. <see cref="NotUnderstood"/> lists the words the parser could not place.
/// </summary>
public sealed record TripPhrase(
    VehicleKind? Kind,
    LocalDate? Date,
    LocalTime? StartTime,
    Instant? Start,
    Instant? End,
    Duration? Length,
    int? PlaceId,
    string? PlaceName,
    string? Destination,
    double? DistanceKm,
    int? Passengers,
    string? Purpose,
    IReadOnlyList<string> NotUnderstood,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when the phrase said nothing the form could use.</summary>
    public bool IsEmpty => Kind is null && Date is null && StartTime is null && Length is null && End is null && PlaceId is null
        && Destination is null && DistanceKm is null && Passengers is null && Purpose is null;
}

/// <summary>A place the parser may match, by its id and name (the caller passes the places the user may see).</summary>
public sealed record PlaceCandidate(int Id, string Name);

/// <summary>The lengths the booking form offers as one-tap choices, and what "half day" and "whole day" mean.</summary>
public static class TripLengths
{
    /// <summary>Half a day: four hours.</summary>
    public static readonly Duration HalfDay = Duration.FromHours(4);

    /// <summary>A whole working day: eight hours, from <see cref="WholeDayStart"/> unless a start is given.</summary>
    public static readonly Duration WholeDay = Duration.FromHours(8);

    /// <summary>Where a whole day starts when no time is given.</summary>
    public static readonly LocalTime WholeDayStart = new(8, 0);

    /// <summary>The one-tap choices, shortest first.</summary>
    public static readonly Duration[] Choices = [Duration.FromHours(1), Duration.FromHours(2), HalfDay, WholeDay];
}
