using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>A vehicle of a site with whether a slot-holding booking overlaps the window, and its open damage reports.</summary>
internal sealed record SiteVehicle(Vehicle Vehicle, bool Booked, int OpenDamageReports)
{
    /// <summary>True when the vehicle can be taken: active and not booked in the window.</summary>
    public bool IsFree => Vehicle.Status == VehicleStatus.Active && !Booked;
}

/// <summary>Which vehicles of a site have no slot-holding booking overlapping [from, blockedUntil).</summary>
internal static class FreeVehicles
{
    /// <summary>The site's vehicles (optionally of one kind), each with its booked flag and open damage count: one query.</summary>
    public static Task<List<SiteVehicle>> AtSiteAsync(FleetPoolDb db, int siteId, VehicleKind? kind,
        Instant from, Instant blockedUntil, int? excludeBookingId, CancellationToken ct) =>
        HotQueries.For(db).VehiclesAtSite(db, siteId, kind, from, blockedUntil, excludeBookingId ?? 0).ToListAsync(ct).AsTask();
}
