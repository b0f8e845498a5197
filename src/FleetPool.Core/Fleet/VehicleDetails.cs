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
/// a reader who may not see them (<see cref="DamageReports.MayReadDetails"/>): they see that a report exists, and when; the
/// severity and photos likewise.
/// </summary>
public sealed record DamageView(int Id, Instant ReportedAt, string? Description, bool? InjuryAccident, Instant? ResolvedAt,
    DamageSeverity? Severity = null, IReadOnlyList<int>? PhotoIds = null);

/// <summary>A booking or workshop window on the vehicle's timeline; <see cref="Booker"/> is null for a window.</summary>
public sealed record TimelineEntry(int BookingId, Instant Start, Instant End, BookingStatus Status, string? Booker, string Purpose);

/// <summary>
/// What the vehicle cost and earned over the last 12 months: energy bought for it (fuel cards, charging; purchases without a
/// price are counted, not guessed) and the internal hire its returned trips were charged (the tariffs, as the cost report).
/// </summary>
public sealed record VehicleCosts(decimal EnergySek, int EnergyPurchases, int EnergyWithoutPrice, decimal HireSek, int HiredTrips);

/// <summary>
/// Everything the vehicle page shows. <see cref="Utilisation"/> is booked (or out) hours over all the hours of the last
/// <see cref="VehicleDetails.UtilisationDays"/> days, 0..1 — measured against the clock, not the opening hours.
/// </summary>
public sealed record VehicleDetailsView(VehicleView Vehicle, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<OdometerReading> Odometer,
    IReadOnlyList<Refuelling> Refuellings, IReadOnlyList<DamageView> Damage, double Utilisation, VehicleCosts? Costs);

/// <summary>
/// Reads one vehicle's page. The timeline (two weeks back, six ahead) and the costs are for fleet managers only (the
/// timeline names people's trips).
/// </summary>
public sealed class VehicleDetails(IDbContextFactory<FleetPoolDb> dbs, IClock clock, Microsoft.Extensions.Options.IOptions<Reporting.TariffOptions> tariffs)
{
    /// <summary>The days utilisation is measured over.</summary>
    public const int UtilisationDays = 30;
    private static readonly Duration Window = Duration.FromDays(UtilisationDays);
    private static readonly BookingStatus[] OnTimeline = [.. BookingStatuses.Trips, BookingStatus.Pending, BookingStatus.Offered, BookingStatus.Maintenance];

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
        var damage = await DamageReports.ReadAsync(db, actor, id, openOnly: false, ct);
        var recent = await db.Bookings.AsNoTracking().Where(b => b.VehicleId == id && BookingStatuses.Trips.Contains(b.Status)
            && b.Start < now && b.End > since).Select(b => new { b.Start, b.End, b.ReturnedAt }).ToListAsync(ct);
        var booked = recent.Sum(b => (Min(b.ReturnedAt ?? b.End, now) - Max(b.Start, since)).TotalHours);
        var timeline = actor.ManagesFleet ? await TimelineAsync(db, id, now, ct) : [];
        var odometer = await db.Bookings.AsNoTracking().Where(b => b.VehicleId == id && b.OdometerInKm != null && b.OdometerOutKm != null)
            .OrderByDescending(b => b.Start).Take(20).Select(b => new OdometerReading(b.Start, b.OdometerOutKm!.Value, b.OdometerInKm!.Value)).ToListAsync(ct);
        var refuels = await db.Refuellings.AsNoTracking().Where(r => r.VehicleId == id).OrderByDescending(r => r.At).Take(20).ToListAsync(ct);
        return new VehicleDetailsView(VehicleView.From(vehicle, damage.Count(d => d.ResolvedAt is null)), timeline, odometer, refuels, damage,
            Math.Clamp(booked / Window.TotalHours, 0, 1), actor.ManagesFleet ? await CostsAsync(db, vehicle, now, ct) : null);
    }

    private static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(FleetPoolDb db, int id, Instant now, CancellationToken ct)
    {
        var (first, last) = (now - Duration.FromDays(14), now + Duration.FromDays(42));
        return await (from b in db.Bookings.AsNoTracking()
                      join u in db.Users on b.BookerId equals u.Id
                      where b.VehicleId == id && OnTimeline.Contains(b.Status) && b.Start < last && b.End > first
                      orderby b.Start
                      select new TimelineEntry(b.Id, b.Start, b.End, b.Status, b.Status == BookingStatus.Maintenance ? null : u.DisplayName, b.Purpose))
            .Take(200).ToListAsync(ct);
    }

    private async Task<VehicleCosts> CostsAsync(FleetPoolDb db, Vehicle vehicle, Instant now, CancellationToken ct)
    {
        var since = now - Duration.FromDays(365);
        var energy = await db.EnergyPurchases.AsNoTracking().Where(e => e.VehicleId == vehicle.Id && e.At >= since).Select(e => e.PriceSek).ToListAsync(ct);
        var trips = await Reporting.ReturnedTrips.Of(db).Where(t => t.VehicleId == vehicle.Id && t.ReturnedAt >= since).ToListAsync(ct);
        return new VehicleCosts(energy.Sum(p => p ?? 0), energy.Count, energy.Count(p => p is null),
            trips.Sum(t => tariffs.Value.Charge(vehicle.Kind, t.ReturnedAt - t.Start, t.Km)), trips.Count);
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
