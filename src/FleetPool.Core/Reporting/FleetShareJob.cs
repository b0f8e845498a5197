using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Sustainability;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>
/// The daily fleet-share job. Invariants: after any run for a date — twice, or after a crash half-way — there is exactly
/// one correct snapshot per unit for that date: the date's snapshots are replaced in one transaction; a date is computed
/// from the vehicles' attributes in force at its end (<see cref="VehicleHistoryEntry"/>); a locked year is never rewritten.
/// </summary>
public sealed class FleetShareJob(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time)
{
    /// <summary>
    /// The recurring job: yesterday's snapshots again (final: the whole day is over, so a year-end figure counts
    /// 31 December to midnight) and today's (provisional until tomorrow's run). Returns how many were written.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = time.DateOf(clock.GetCurrentInstant());
        return await RunForAsync(today.PlusDays(-1), ct) + await RunForAsync(today, ct);
    }

    /// <summary>Computes (or recomputes) the snapshots of one date; a date in a locked year is left as published (0).</summary>
    public async Task<int> RunForAsync(LocalDate date, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.FleetShareLocks.AnyAsync(l => l.Year == date.Year, ct))
        {
            return 0;
        }
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
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        // Each vehicle as it was at the end of the date: a department, fuel or approval changed since does not rewrite it.
        var endOfDay = time.StartOfDay(date.PlusDays(1));
        var history = (await db.VehicleHistory.AsNoTracking().ToListAsync(ct)).ToLookup(h => h.VehicleId);
        var vehicles = (await db.Vehicles.AsNoTracking().ToListAsync(ct)).Select(v => VehicleHistoryEntry.AsOf(v, history[v.Id], endOfDay)).ToList();
        // Summed in SQL per vehicle (and fuel) and month: a year of trips and refuellings is millions of rows, the sums a
        // few thousand, and the months are what coverage ("data for 6 of 12 months") needs.
        var starts = Enumerable.Range(0, FleetShareCalculator.WindowMonths + 1).Select(k => time.StartOfDay(FleetShareCalculator.MonthStart(date, k))).ToList();
        var checkIn = await WindowMonths.Each(starts, (from, to, month) => db.Refuellings.AsNoTracking().Where(r => r.At >= from && r.At < to)
                .GroupBy(r => new { r.VehicleId, r.FuelTanked })
                .Select(g => new { g.Key.VehicleId, g.Key.FuelTanked, Amount = g.Sum(r => r.Amount), Month = month })).ToListAsync(ct);
        var purchases = await WindowMonths.Each(starts, (from, to, month) => db.EnergyPurchases.AsNoTracking().Where(p => p.VehicleId != null && p.At >= from && p.At < to)
                .GroupBy(p => new { p.VehicleId, p.Fuel, Session = p.Source == Energy.EnergySource.Charging })
                .Select(g => new { g.Key.VehicleId, g.Key.Fuel, g.Key.Session, Month = month, Amount = g.Sum(p => p.Amount) })).ToListAsync(ct);
        var (sessions, imported) = (purchases.Where(p => p.Session).ToList(), purchases.Where(p => !p.Session).ToList());
        var trips = await WindowMonths.Each(starts, (from, to, month) => ReturnedTrips.Of(db).Where(t => t.ReturnedAt >= from && t.ReturnedAt < to)
                .GroupBy(t => t.VehicleId)
                .Select(g => new { VehicleId = g.Key, Km = g.Sum(t => t.Km), Grams = g.Sum(t => t.RecordedCo2eGrams ?? 0),
                    UnrecordedKm = g.Sum(t => t.RecordedCo2eGrams == null ? t.Km : 0), Month = month }))
            .ToListAsync(ct);
        // The parts of a UNION project plain columns (EF cannot combine constructor calls); the records are made here.
        var energy = EnergySources.Combine(checkIn.Select(r => new EnergyBought(r.VehicleId, r.FuelTanked, r.Amount, r.Month)),
            sessions.Select(p => new EnergyBought(p.VehicleId!.Value, p.Fuel, p.Amount, p.Month)),
            imported.Select(p => new EnergyBought(p.VehicleId!.Value, p.Fuel, p.Amount, p.Month)));
        return FleetShareCalculator.Compute(date, units, vehicles, energy,
            trips.Select(t => new VehicleTrips(t.VehicleId, t.Km, t.Grams, t.UnrecordedKm, t.Month)).ToList(), clock.GetCurrentInstant());
    }
}
