using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>Which vehicles of a site have no slot-holding booking overlapping [from, blockedUntil).</summary>
internal static class FreeVehicles
{
    /// <summary>The site's vehicles (optionally of one kind) with the ids of those already booked in the window.</summary>
    public static async Task<(List<Vehicle> Vehicles, HashSet<int> Booked)> AtSiteAsync(FleetPoolDb db, int siteId, VehicleKind? kind,
        Instant from, Instant blockedUntil, int? excludeBookingId, CancellationToken ct)
    {
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => v.SiteId == siteId && (kind == null || v.Kind == kind)).ToListAsync(ct);
        var ids = vehicles.Select(v => v.Id).ToList();
        var booked = (await db.Bookings.AsNoTracking().HoldingSlotIn(from, blockedUntil)
            .Where(b => ids.Contains(b.VehicleId) && b.Id != excludeBookingId)
            .Select(b => b.VehicleId).Distinct().ToListAsync(ct)).ToHashSet();
        return (vehicles, booked);
    }

    /// <summary>True when the vehicle can be taken: active and not booked in the window.</summary>
    public static bool IsFree(Vehicle v, HashSet<int> booked) => v.Status == VehicleStatus.Active && !booked.Contains(v.Id);
}
