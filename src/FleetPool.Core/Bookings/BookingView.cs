using FleetPool.Core.Fleet;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>What callers see of a booking.</summary>
public sealed record BookingView(
    int Id, int VehicleId, string VehicleName, VehicleKind VehicleKind, FuelType? VehicleFuel, Instant Start, Instant End, Instant BlockedUntil, BookingStatus Status,
    int BookerId, int? DriverId, string Purpose, string CostCenter, double? DistanceKm, string? Destination,
    string? CarReason, string? FossilReason, string? AlternativeCheck, Instant CreatedAt,
    Instant? CheckedOutAt, Instant? ReturnedAt, int? OdometerOutKm, int? OdometerInKm,
    int? BatteryOutPercent, int? BatteryInPercent, int? FuelOutEighths, int? FuelInEighths,
    int? DestinationPlaceId = null, double? EstimatedCo2eGrams = null, double? ActualKm = null, double? ActualCo2eGrams = null, int? SeriesId = null,
    int? Passengers = null)
{
    /// <summary>Projects a booking with its vehicle's name, kind and fuel, and its cost centre code.</summary>
    public static BookingView From(Booking b, Vehicle v, string costCenter) => From(b, v.Name, v.Kind, v.Fuel, costCenter);

    /// <summary>Projects a booking (the form a query can translate).</summary>
    public static BookingView From(Booking b, string vehicleName, VehicleKind kind, FuelType? fuel, string costCenter) => new(
        b.Id, b.VehicleId, vehicleName, kind, fuel, b.Start, b.End, b.BlockedUntil, b.Status, b.BookerId, b.DriverId, b.Purpose,
        costCenter, b.DistanceKm, b.Destination, b.CarReason, b.FossilReason, b.AlternativeCheck, b.CreatedAt,
        b.CheckedOutAt, b.ReturnedAt, b.OdometerOutKm, b.OdometerInKm, b.BatteryOutPercent, b.BatteryInPercent,
        b.FuelOutEighths, b.FuelInEighths, b.DestinationPlaceId, b.EstimatedCo2eGrams, b.ActualKm, b.ActualCo2eGrams, b.SeriesId, b.Passengers);
}
