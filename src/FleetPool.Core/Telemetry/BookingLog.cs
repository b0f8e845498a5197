using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using Microsoft.Extensions.Logging;

namespace FleetPool.Core.Telemetry;

/// <summary>The booking engine's log events: ids, statuses and field names only (no purpose, destination or name).</summary>
internal static partial class BookingLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Booking {BookingId} made on vehicle {VehicleId} ({Status}) by user {UserId}")]
    public static partial void Created(ILogger logger, int bookingId, int vehicleId, BookingStatus status, int userId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Booking on vehicle {VehicleId} not made: {Problem} ({Fields}) for user {UserId}")]
    public static partial void NotMade(ILogger logger, int? vehicleId, ProblemKind problem, string fields, int userId);
}
