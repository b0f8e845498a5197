using FleetPool.Core.Common;
using FleetPool.Core.Fleet;
using FleetPool.Core.Steering;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// Which vehicles of a site are free for [From, To); optional kind, passengers and trip distance.
/// <see cref="IgnoreBookingId"/> leaves one booking out, so a booking being changed does not block itself.
/// </summary>
public sealed record AvailabilityQuery(int? SiteId, Instant? From, Instant? To, VehicleKind? Kind = null,
    int? Passengers = null, double? DistanceKm = null, string? Destination = null, int? PlaceId = null, int? IgnoreBookingId = null)
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

/// <summary>
/// The answer: advice on the mode, and every matching vehicle ranked (free ones first). <see cref="SlotProblems"/>
/// say why the slot itself cannot be booked (past, closed); then <see cref="NextOpening"/> is the first slot of the same
/// length that the site allows, if one starts within two weeks, and <see cref="OpenSites"/> the other sites that allow
/// this slot as it is.
/// </summary>
public sealed record AvailabilityResult(TripAdvice Advice, IReadOnlyList<string> SlotProblems, IReadOnlyList<VehicleAvailability> Vehicles,
    Instant? NextOpening = null, IReadOnlyList<OpenSite>? OpenSites = null)
{
    /// <summary>
    /// One choice per sensible way to make the trip, greenest first: walk, bike, e-bike (those the advice lists for the
    /// distance), then car; each with its time one way, the round trip's CO2e and the best free vehicle of that mode
    /// (the first in <see cref="Vehicles"/>' ranking, so fossil-free cars before fossil ones; none for walking or when
    /// none is free). A mode the site has no vehicle of (or that the query's kind leaves out) has no card. Empty while
    /// the distance is unknown.
    /// </summary>
    public IReadOnlyList<ModeChoice> Choices => Advice.Car is not { } car ? [] :
    [
        .. Advice.Modes.Where(m => Offered(m.Mode)).Select(m => new ModeChoice(m.Mode, m.OneWayMinutes, m.Co2eGrams, m.Co2eSavedGrams, Best(m.Mode))),
        .. Offered("car") ? [new ModeChoice("car", car.OneWayMinutes, car.Co2eGrams, 0, Best("car"))] : Array.Empty<ModeChoice>(), // the advice's car is the best free one
    ];

    private bool Offered(string mode) => mode == "walk" || Vehicles.Any(v => Is(v, mode));

    private VehicleAvailability? Best(string mode) => mode == "walk" ? null : Vehicles.FirstOrDefault(v => v.ReasonUnavailable is null && Is(v, mode));

    private static bool Is(VehicleAvailability v, string mode) => mode switch
    {
        "bike" => v.Vehicle.Kind == VehicleKind.Bike,
        "eBike" => v.Vehicle.Kind == VehicleKind.EBike,
        _ => v.Vehicle.Kind.IsMotorVehicle(),
    };
}

/// <summary>A site that allows a slot: its id and name.</summary>
public sealed record OpenSite(int Id, string Name);

/// <summary>A way to make the trip: its time one way, the round trip's CO2e and what it saves against the car, and the vehicle to book (null: walk, or none free).</summary>
public sealed record ModeChoice(string Mode, double OneWayMinutes, double RoundTripCo2eGrams, double Co2eSavedGrams, VehicleAvailability? Vehicle);

/// <summary>
/// A vehicle with its rank (1 = best), why it cannot be booked for the slot (null when it can), and which reasons booking
/// it needs (<see cref="CarReasons.Needed"/>, the rule booking enforces).
/// </summary>
public sealed record VehicleAvailability(VehicleView Vehicle, int Rank, string? ReasonUnavailable,
    [property: System.Text.Json.Serialization.JsonIgnore] ReasonsNeeded Needs = default)
{
    /// <summary>A car reason is needed: a bike or e-bike is free for this short trip.</summary>
    public bool NeedsCarReason => Needs.CarReason;

    /// <summary>A fossil reason is needed: a suitable fossil-free car is free.</summary>
    public bool NeedsFossilReason => Needs.FossilReason;
}
