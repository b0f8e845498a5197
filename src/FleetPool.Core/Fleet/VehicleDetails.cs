using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>A trip's odometer readings, for the history.</summary>
public sealed record OdometerReading(Instant At, int OutKm, int InKm);

/// <summary>
/// A damage report as the vehicle page lists it. <see cref="Description"/> and <see cref="InjuryAccident"/> are null for
/// a reader who may not see them (<see cref="DamageReports.MayReadDetails"/>): they see that a report exists, and when.
/// </summary>
public sealed record DamageView(int Id, Instant ReportedAt, string? Description, bool? InjuryAccident, Instant? ResolvedAt);

/// <summary>Everything the vehicle page shows. <see cref="Utilisation"/> is booked time over the last 30 days, 0..1.</summary>
public sealed record VehicleDetailsView(VehicleView Vehicle, IReadOnlyList<BookingView> Upcoming, IReadOnlyList<OdometerReading> Odometer,
    IReadOnlyList<Refuelling> Refuellings, IReadOnlyList<DamageView> Damage, double Utilisation);

/// <summary>Reads one vehicle's page. Upcoming bookings are listed for fleet managers only (they name people's trips).</summary>
public sealed class VehicleDetails(IDbContextFactory<FleetPoolDb> dbs, IClock clock)
{
    private static readonly Duration Window = Duration.FromDays(30);

    /// <summary>The vehicle's page, or not found.</summary>
    public async Task<Outcome<VehicleDetailsView>> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var vehicle = await db.Vehicles.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vehicle is null)
        {
            return Problem.NotFound("Vehicle");
        }
        var now = clock.GetCurrentInstant();
        var since = now - Window;
        var damage = (await db.DamageReports.AsNoTracking().Where(d => d.VehicleId == id).OrderByDescending(d => d.ReportedAt).Take(50).ToListAsync(ct))
            .Select(d => DamageReports.MayReadDetails(actor, d.ReportedById)
                ? new DamageView(d.Id, d.ReportedAt, d.Description, d.InjuryAccident, d.ResolvedAt)
                : new DamageView(d.Id, d.ReportedAt, null, null, d.ResolvedAt)).ToList();
        var recent = await db.Bookings.AsNoTracking().Where(b => b.VehicleId == id && BookingStatuses.Trips.Contains(b.Status)
            && b.Start < now && b.End > since).Select(b => new { b.Start, b.End, b.ReturnedAt }).ToListAsync(ct);
        var booked = recent.Sum(b => (Min(b.ReturnedAt ?? b.End, now) - Max(b.Start, since)).TotalHours);
        var upcoming = actor.ManagesFleet
            ? await BookingQueries.UpcomingForVehicleAsync(db, id, now, ct)
            : [];
        var odometer = await db.Bookings.AsNoTracking().Where(b => b.VehicleId == id && b.OdometerInKm != null && b.OdometerOutKm != null)
            .OrderByDescending(b => b.Start).Take(20).Select(b => new OdometerReading(b.Start, b.OdometerOutKm!.Value, b.OdometerInKm!.Value)).ToListAsync(ct);
        var refuels = await db.Refuellings.AsNoTracking().Where(r => r.VehicleId == id).OrderByDescending(r => r.At).Take(20).ToListAsync(ct);
        return new VehicleDetailsView(VehicleView.From(vehicle, damage.Count(d => d.ResolvedAt is null)), upcoming, odometer, refuels, damage,
            Math.Clamp(booked / Window.TotalHours, 0, 1));
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
