using FleetPool.Core.Common;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// A request to book a vehicle; every field is nullable so that a missing one is reported by name. The trip's one-way
/// distance is <see cref="DistanceKm"/> or, when only <see cref="PlaceId"/> is given, estimated from the vehicle's site
/// to the place. <see cref="ConfidentialDestination"/> keeps only the distance.
/// </summary>
public sealed record BookingRequest(
    int? VehicleId, Instant? Start, Instant? End, string? Purpose, string? CostCenter,
    double? DistanceKm = null, string? Destination = null, int? DriverId = null,
    string? CarReason = null, string? FossilReason = null, string? AlternativeCheck = null,
    int? PlaceId = null, bool ConfidentialDestination = false, int? Passengers = null, Series.Recurrence? Repeat = null,
    IReadOnlyList<int>? Stops = null)
{
    /// <summary>Most stops a booked round may have.</summary>
    public const int MaxStops = 12;

    /// <summary>Longest one-way trip we accept, km (Sweden is about 1,600 km long).</summary>
    public const double MaxDistanceKm = 2000;

    /// <summary>The values <see cref="AlternativeCheck"/> may take.</summary>
    public static readonly IReadOnlySet<string> AlternativeAnswers =
        new HashSet<string>(["notAsked", "no", "digitalPossible", "publicTransportPossible"], StringComparer.Ordinal);

    /// <summary>Field errors in the request itself (400), before any rule or the database is asked.</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors();
        e.AddIf(VehicleId is null, "vehicleId", Text.Get("Required"));
        e.AddIf(VehicleId is <= 0, "vehicleId", Text.Get("PositiveId"));
        e.AddIf(DriverId is <= 0, "driverId", Text.Get("PositiveId"));
        BookingTimes.Validate(e, Start, End);
        e.RequireText(Purpose, "purpose", 500);
        e.RequireText(CostCenter, "costCenter", 30);
        // Without a distance there is no steering, so a free-text destination alone is not enough.
        e.AddIf(DistanceKm is null && PlaceId is null && Stops is not { Count: > 0 }, "distanceKm", Text.Get("DistanceOrDestination"));
        // A round's distance is the planned round's: a typed distance or a single destination beside it would contradict it.
        e.AddIf(Stops is { Count: > 0 } && (DistanceKm is not null || PlaceId is not null), "stops", Text.Get("StopsOrDestination"));
        e.AddIf(Stops is { Count: > MaxStops }, "stops", Text.Get("RoundTooManyStops", MaxStops));
        e.AddIf(Stops is { Count: > 0 } && Repeat is not null, "stops", Text.Get("StopsNotRepeated"));
        e.AddIf(Stops is { } stops && stops.Any(id => id <= 0), "stops", Text.Get("PositiveId"));
        e.AddIf(PlaceId is <= 0, "placeId", Text.Get("PositiveId"));
        e.Range(Passengers, "passengers", 1, 60);
        e.AddIf(DistanceKm is { } d && (double.IsNaN(d) || d <= 0 || d > MaxDistanceKm), "distanceKm", Text.Get("DistanceRange", MaxDistanceKm));
        e.OptionalText(Destination, "destination", 200);
        e.OptionalText(CarReason, "carReason", 500);
        e.OptionalText(FossilReason, "fossilReason", 500);
        e.AddIf(AlternativeCheck is not null && !AlternativeAnswers.Contains(AlternativeCheck), "alternativeCheck",
            Text.Get("OneOf", string.Join(", ", AlternativeAnswers)));
        return e;
    }
}

/// <summary>
/// A change to a booking: new times and/or another vehicle. Omitted fields stay as they are. Moving to a car for a short
/// trip, or to a fossil car while a fossil-free one is free, needs the same reasons as a new booking.
/// </summary>
public sealed record BookingChange(int? VehicleId, Instant? Start, Instant? End, string? CarReason = null, string? FossilReason = null)
{
    /// <summary>Field errors in the change itself (400).</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors();
        e.AddIf(VehicleId is null && Start is null && End is null, "end", Text.Get("ChangeSomething"));
        e.AddIf(VehicleId is <= 0, "vehicleId", Text.Get("PositiveId"));
        e.OptionalText(CarReason, "carReason", 500).OptionalText(FossilReason, "fossilReason", 500);
        if (Start is { } s && End is { } en)
        {
            e.AddIf(en <= s, "end", Text.Get("After", "start"));
        }
        return e;
    }
}

/// <summary>Shared checks on a requested interval.</summary>
internal static class BookingTimes
{
    public static void Validate(FieldErrors e, Instant? start, Instant? end, string startField = "start", string endField = "end")
    {
        e.AddIf(start is null, startField, Text.Get("TimeRequired", "2026-03-30T09:00:00+02:00"));
        e.AddIf(end is null, endField, Text.Get("TimeRequired", "2026-03-30T11:00:00+02:00"));
        if (start is { } s && end is { } en)
        {
            e.AddIf(en <= s, endField, Text.Get("After", startField));
        }
    }
}
