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
        Instant from, Instant blockedUntil, int? excludeBookingId, CancellationToken ct)
    {
        var self = excludeBookingId ?? 0;
        var holding = db.Bookings.HoldingSlotIn(from, blockedUntil).Where(b => b.Id != self);
        return db.Vehicles.AsNoTracking().Where(v => v.SiteId == siteId && (kind == null || v.Kind == kind))
            .Select(v => new SiteVehicle(v, holding.Any(b => b.VehicleId == v.Id), db.DamageReports.Count(d => d.VehicleId == v.Id && d.ResolvedAt == null)))
            .ToListAsync(ct);
    }
}
