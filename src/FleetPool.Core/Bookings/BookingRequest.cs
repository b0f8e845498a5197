using FleetPool.Core.Common;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>A request to book a vehicle; every field is nullable so that a missing one is reported by name.</summary>
public sealed record BookingRequest(
    int? VehicleId, Instant? Start, Instant? End, string? Purpose, string? CostCenter,
    double? DistanceKm = null, string? Destination = null, int? DriverId = null,
    string? CarReason = null, string? FossilReason = null, string? AlternativeCheck = null)
{
    /// <summary>Longest one-way trip we accept, km (Sweden is about 1,600 km long).</summary>
    public const double MaxDistanceKm = 2000;

    /// <summary>The values <see cref="AlternativeCheck"/> may take.</summary>
    public static readonly IReadOnlySet<string> AlternativeAnswers =
        new HashSet<string>(["notAsked", "no", "digitalPossible", "publicTransportPossible"], StringComparer.Ordinal);

    /// <summary>Field errors in the request itself (400), before any rule or the database is asked.</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors();
        e.AddIf(VehicleId is null, "vehicleId", "Required.");
        e.AddIf(VehicleId is <= 0, "vehicleId", "Must be a positive id.");
        e.AddIf(DriverId is <= 0, "driverId", "Must be a positive id.");
        BookingTimes.Validate(e, Start, End);
        e.RequireText(Purpose, "purpose", 500);
        e.RequireText(CostCenter, "costCenter", 30);
        e.AddIf(DistanceKm is null && string.IsNullOrWhiteSpace(Destination), "distanceKm", "Give the trip's distance or its destination.");
        e.AddIf(DistanceKm is { } d && (double.IsNaN(d) || d <= 0 || d > MaxDistanceKm), "distanceKm",
            $"Must be more than 0 and at most {MaxDistanceKm} km.");
        e.OptionalText(Destination, "destination", 200);
        e.OptionalText(CarReason, "carReason", 500);
        e.OptionalText(FossilReason, "fossilReason", 500);
        e.AddIf(AlternativeCheck is not null && !AlternativeAnswers.Contains(AlternativeCheck), "alternativeCheck",
            $"Must be one of: {string.Join(", ", AlternativeAnswers)}.");
        return e;
    }
}

/// <summary>A change to a booking: new times and/or another vehicle. Omitted fields stay as they are.</summary>
public sealed record BookingChange(int? VehicleId, Instant? Start, Instant? End)
{
    /// <summary>Field errors in the change itself (400).</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors();
        e.AddIf(VehicleId is null && Start is null && End is null, "end", "Give a new start, end or vehicle.");
        e.AddIf(VehicleId is <= 0, "vehicleId", "Must be a positive id.");
        if (Start is { } s && End is { } en)
        {
            e.AddIf(en <= s, "end", "Must be after 'start'.");
        }
        return e;
    }
}

/// <summary>Shared checks on a requested interval.</summary>
internal static class BookingTimes
{
    public static void Validate(FieldErrors e, Instant? start, Instant? end, string startField = "start", string endField = "end")
    {
        e.AddIf(start is null, startField, "Required, as an ISO-8601 time with an offset, e.g. 2026-03-30T09:00:00+02:00.");
        e.AddIf(end is null, endField, "Required, as an ISO-8601 time with an offset, e.g. 2026-03-30T11:00:00+02:00.");
        if (start is { } s && end is { } en)
        {
            e.AddIf(en <= s, endField, $"Must be after '{startField}'.");
        }
    }
}
