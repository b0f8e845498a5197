using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>A returned trip as the reports read it; <see cref="Km"/> is the km recorded at check-in, else the odometer's, else 0.</summary>
internal sealed class ReturnedTrip
{
    public int VehicleId { get; init; }
    public int BookerId { get; init; }
    public int CostCenterId { get; init; }
    public Instant Start { get; init; }
    public Instant ReturnedAt { get; init; }
    public double Km { get; init; }
    public double? RecordedCo2eGrams { get; init; }
}

/// <summary>The one definition of "a returned trip and its km" for the reports, as a query the database runs.</summary>
internal static class ReturnedTrips
{
    public static IQueryable<ReturnedTrip> Of(FleetPoolDb db) => db.Bookings.AsNoTracking()
        .Where(b => b.Status == BookingStatus.Returned && b.ReturnedAt != null)
        .Select(b => new ReturnedTrip
        {
            VehicleId = b.VehicleId, BookerId = b.BookerId, CostCenterId = b.CostCenterId, Start = b.Start, ReturnedAt = b.ReturnedAt!.Value,
            Km = b.ActualKm ?? (double?)(b.OdometerInKm - b.OdometerOutKm) ?? 0, RecordedCo2eGrams = b.ActualCo2eGrams,
        });
}
