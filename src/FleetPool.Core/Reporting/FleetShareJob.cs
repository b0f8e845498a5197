using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>
/// The daily fleet-share job. Invariant: after any run for a date — twice, or after a crash half-way — there is exactly
/// one correct snapshot per unit for that date: the date's snapshots are replaced in one transaction.
/// </summary>
public sealed class FleetShareJob(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time)
{
    /// <summary>Computes today's snapshots (the recurring job); returns how many were written.</summary>
    public Task<int> RunAsync(CancellationToken ct) => RunForAsync(time.DateOf(clock.GetCurrentInstant()), ct);

    /// <summary>Computes (or recomputes) the snapshots of one date.</summary>
    public async Task<int> RunForAsync(LocalDate date, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var snapshots = await ComputeAsync(db, date, ct);
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        await db.FleetShareSnapshots.Where(s => s.Date == date).ExecuteDeleteAsync(ct);
        db.FleetShareSnapshots.AddRange(snapshots);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return snapshots.Count;
    }

    /// <summary>The snapshots of a date, computed from the data without storing them.</summary>
    internal async Task<List<FleetShareSnapshot>> ComputeAsync(FleetPoolDb db, LocalDate date, CancellationToken ct)
    {
        var (from, to) = (time.StartOfDay(date.PlusYears(-1).PlusDays(1)), time.StartOfDay(date.PlusDays(1)));
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var vehicles = await db.Vehicles.AsNoTracking().ToListAsync(ct);
        // Summed in SQL: a year of trips and refuellings is millions of rows, the sums are one row per vehicle (and fuel).
        var refuellings = (await db.Refuellings.AsNoTracking().Where(r => r.At >= from && r.At < to)
                .GroupBy(r => new { r.VehicleId, r.FuelTanked }).Select(g => new { g.Key.VehicleId, g.Key.FuelTanked, Amount = g.Sum(r => r.Amount) })
                .ToListAsync(ct))
            .Select(r => new Refuelling { VehicleId = r.VehicleId, FuelTanked = r.FuelTanked, Amount = r.Amount }).ToList();
        var trips = await ReturnedTrips.Of(db).Where(t => t.ReturnedAt >= from && t.ReturnedAt < to)
            .GroupBy(t => t.VehicleId)
            .Select(g => new VehicleTrips(g.Key, g.Sum(t => t.Km), g.Sum(t => t.RecordedCo2eGrams ?? 0), g.Sum(t => t.RecordedCo2eGrams == null ? t.Km : 0)))
            .ToListAsync(ct);
        return FleetShareCalculator.Compute(date, units, vehicles, refuellings, trips, clock.GetCurrentInstant());
    }
}
