using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Steering;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>Which vehicles of a site are free for [From, To); optional kind, passengers and trip distance.</summary>
public sealed record AvailabilityQuery(int? SiteId, Instant? From, Instant? To, VehicleKind? Kind = null,
    int? Passengers = null, double? DistanceKm = null, string? Destination = null, int? PlaceId = null)
{
    /// <summary>Field errors (400).</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors().AddIf(SiteId is null or <= 0, "site", Text.Get("SiteRequired"));
        BookingTimes.Validate(e, From, To, "from", "to");
        return e.Range(Passengers, "passengers", 1, 60)
            .Range(DistanceKm, "distanceKm", 0.01, BookingRequest.MaxDistanceKm)
            .OptionalText(Destination, "destination", 200)
            .AddIf(PlaceId is <= 0, "placeId", Text.Get("PositiveId"));
    }
}

/// <summary>The answer: advice on the mode, and every matching vehicle ranked (free ones first).</summary>
public sealed record AvailabilityResult(TripAdvice Advice, IReadOnlyList<string> SlotProblems, IReadOnlyList<VehicleAvailability> Vehicles);

/// <summary>A vehicle with its rank (1 = best) and, when it cannot be booked for the slot, why.</summary>
public sealed record VehicleAvailability(VehicleView Vehicle, int Rank, string? ReasonUnavailable);
