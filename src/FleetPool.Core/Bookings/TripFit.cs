using System.Globalization;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;

namespace FleetPool.Core.Bookings;

/// <summary>
/// Whether a vehicle can make a trip at all: seats for everyone travelling, and range for the round trip. Availability
/// lists a vehicle that does not fit with its reason, and booking refuses it with the same rule, so no endpoint books
/// what the list calls unavailable. Unknown passengers, distance or range never make a vehicle unfit.
/// </summary>
public static class TripFit
{
    /// <summary>"tooFewSeats", "rangeTooShort", or null when the vehicle fits (seats are checked first).</summary>
    public static string? Unfit(Vehicle vehicle, int? passengers, double? oneWayKm) =>
        passengers is { } p && !vehicle.HasSeatsFor(p) ? "tooFewSeats"
        : !vehicle.CoversRoundTrip(oneWayKm) ? "rangeTooShort"
        : null;

    /// <summary>
    /// The same rule as messages keyed by the field to fix: <c>passengers</c> or <c>distanceKm</c>. The range message
    /// names the vehicle's range, not the trip's distance, which for a protected address the booker may not see.
    /// </summary>
    public static FieldErrors Check(Vehicle vehicle, int? passengers, double? oneWayKm) => Unfit(vehicle, passengers, oneWayKm) switch
    {
        "tooFewSeats" => new FieldErrors().Add("passengers", Text.Get("TooFewSeats", vehicle.Name, vehicle.Seats, passengers!.Value)),
        "rangeTooShort" => new FieldErrors().Add("distanceKm", Text.Get("RangeTooShort", vehicle.Name, vehicle.RangeKm!.Value.ToString(CultureInfo.CurrentCulture))),
        _ => new FieldErrors(),
    };
}
