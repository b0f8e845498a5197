using System.Collections.Concurrent;
using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;

namespace FleetPool.Core.Data;

/// <summary>
/// EF's compiled queries for the hot paths: translated once, so a call skips the expression tree's parameter extraction
/// and the query-cache lookup. One set per model, because the SQLite and PostgreSQL models differ and a compiled query
/// refuses a second model.
/// </summary>
internal sealed class HotQueries
{
    private static readonly ConcurrentDictionary<IModel, HotQueries> ByModel = new();

    /// <summary>The set for this context's model.</summary>
    public static HotQueries For(FleetPoolDb db) => ByModel.GetOrAdd(db.Model, _ => new HotQueries());

    /// <summary>A site with its opening hours, untracked; null when there is none.</summary>
    public Func<FleetPoolDb, int, CancellationToken, Task<Site?>> SiteWithHours { get; } = EF.CompileAsyncQuery(
        (FleetPoolDb db, int id, CancellationToken ct) => db.Sites.AsNoTracking().Include(s => s.OpeningHours).SingleOrDefault(s => s.Id == id));

    /// <summary>A vehicle, untracked; null when there is none.</summary>
    public Func<FleetPoolDb, int, CancellationToken, Task<Vehicle?>> Vehicle { get; } = EF.CompileAsyncQuery(
        (FleetPoolDb db, int id, CancellationToken ct) => db.Vehicles.AsNoTracking().SingleOrDefault(v => v.Id == id));

    /// <summary>An active cost centre by its code, untracked; null when there is none.</summary>
    public Func<FleetPoolDb, string?, CancellationToken, Task<CostCenter?>> ActiveCostCenter { get; } = EF.CompileAsyncQuery(
        (FleetPoolDb db, string? code, CancellationToken ct) => db.CostCenters.AsNoTracking().SingleOrDefault(c => c.Code == code && c.IsActive));

    /// <summary>An active user, untracked; null when there is none or they were deactivated.</summary>
    public Func<FleetPoolDb, int, CancellationToken, Task<AppUser?>> ActiveUser { get; } = EF.CompileAsyncQuery(
        (FleetPoolDb db, int id, CancellationToken ct) => db.Users.AsNoTracking().SingleOrDefault(u => u.Id == id && u.IsActive));

    /// <summary><see cref="FreeVehicles.AtSiteAsync"/>'s query; the overlap is <see cref="BookingStatuses.HoldingSlotIn"/>'s, written out
    /// because a compiled query cannot call it (<c>FreeVehiclesTests</c> holds the two to the same answers).</summary>
    public Func<FleetPoolDb, int, VehicleKind?, Instant, Instant, int, IAsyncEnumerable<SiteVehicle>> VehiclesAtSite { get; } = EF.CompileAsyncQuery(
        (FleetPoolDb db, int siteId, VehicleKind? kind, Instant from, Instant blockedUntil, int self) =>
            db.Vehicles.AsNoTracking().Where(v => v.SiteId == siteId && (kind == null || v.Kind == kind))
                .Select(v => new SiteVehicle(v,
                    db.Bookings.Any(b => b.VehicleId == v.Id && b.Id != self && BookingStatuses.HoldingSlot.Contains(b.Status) && b.Start < blockedUntil && from < b.BlockedUntil),
                    db.DamageReports.Count(d => d.VehicleId == v.Id && d.ResolvedAt == null))));
}
