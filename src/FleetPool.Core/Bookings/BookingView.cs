using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>What callers see of a booking.</summary>
public sealed record BookingView(
    int Id, int VehicleId, string VehicleName, Instant Start, Instant End, Instant BlockedUntil, BookingStatus Status,
    int BookerId, int? DriverId, string Purpose, string CostCenter, double? DistanceKm, string? Destination,
    string? CarReason, string? FossilReason, string? AlternativeCheck, Instant CreatedAt,
    Instant? CheckedOutAt, Instant? ReturnedAt, int? OdometerOutKm, int? OdometerInKm,
    int? BatteryOutPercent, int? BatteryInPercent, int? FuelOutEighths, int? FuelInEighths)
{
    /// <summary>Projects a booking with its vehicle's name and cost centre code.</summary>
    public static BookingView From(Booking b, string vehicleName, string costCenter) => new(
        b.Id, b.VehicleId, vehicleName, b.Start, b.End, b.BlockedUntil, b.Status, b.BookerId, b.DriverId, b.Purpose,
        costCenter, b.DistanceKm, b.Destination, b.CarReason, b.FossilReason, b.AlternativeCheck, b.CreatedAt,
        b.CheckedOutAt, b.ReturnedAt, b.OdometerOutKm, b.OdometerInKm, b.BatteryOutPercent, b.BatteryInPercent,
        b.FuelOutEighths, b.FuelInEighths);
}
