using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>
/// A fleet manager's correction of an odometer reading, with its reason. Invariant: append-only; the change it made is
/// also in the audit log, under the same actor.
/// </summary>
public sealed class ReadingCorrection
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }
    /// <summary>The vehicle whose reading was corrected.</summary>
    public int VehicleId { get; set; }
    /// <summary>The trip whose reading was corrected; null for the vehicle's own last reading.</summary>
    public int? BookingId { get; set; }
    /// <summary>"lastOdometerKm", "odometerOutKm" or "odometerInKm".</summary>
    public required string Field { get; set; }
    /// <summary>The reading before, km.</summary>
    public int? BeforeKm { get; set; }
    /// <summary>The reading after, km.</summary>
    public int AfterKm { get; set; }
    /// <summary>Why (e.g. "Mistyped 1 999 999 at check-in; photo of the dashboard shows 9 312").</summary>
    public required string Reason { get; set; }
    /// <summary>The fleet manager or admin who corrected it.</summary>
    public int ById { get; set; }
    /// <summary>When.</summary>
    public Instant At { get; set; }
}

/// <summary>A new odometer reading with the reason for the correction.</summary>
public sealed record OdometerCorrection(int? OdometerKm, string? Reason)
{
    /// <summary>Field errors (400).</summary>
    public FieldErrors Validate() => new FieldErrors().AddIf(OdometerKm is null, "odometerKm", Text.Get("Required"))
        .Range(OdometerKm, "odometerKm", 0, TripReadings.MaxOdometerKm).RequireText(Reason, "reason", 500);
}

/// <summary>A trip's corrected readings (either or both) with the reason.</summary>
public sealed record TripReadingsCorrection(int? OdometerOutKm, int? OdometerInKm, string? Reason)
{
    /// <summary>Field errors (400).</summary>
    public FieldErrors Validate() => new FieldErrors()
        .AddIf(OdometerOutKm is null && OdometerInKm is null, "odometerInKm", Text.Get("ChangeSomething"))
        .Range(OdometerOutKm, "odometerOutKm", 0, TripReadings.MaxOdometerKm).Range(OdometerInKm, "odometerInKm", 0, TripReadings.MaxOdometerKm)
        .RequireText(Reason, "reason", 500);
}

/// <summary>
/// Fleet managers correct readings that poisoned the data: a vehicle's last odometer reading (which may go down only
/// here), and a trip's check-out and check-in readings, whose km and CO2e are then recomputed. Invariants: only fleet
/// managers and admins; a reason is required and stored; a trip's check-in reading is never below its check-out reading.
/// </summary>
public sealed class OdometerCorrections(IDbContextFactory<FleetPoolDb> dbs, IClock clock)
{
    /// <summary>Sets the vehicle's last odometer reading; returns the new reading.</summary>
    public Task<Outcome<int>> CorrectVehicleAsync(Actor actor, int vehicleId, OdometerCorrection input, CancellationToken ct = default) =>
        InTransactionAsync<int>(actor, input.Validate(), async db =>
        {
            if (await db.Vehicles.FindAsync([vehicleId], ct) is not { } vehicle)
            {
                return Problem.NotFound("Vehicle");
            }
            Record(db, actor, vehicle.Id, null, "lastOdometerKm", vehicle.LastOdometerKm, input.OdometerKm!.Value, input.Reason!);
            vehicle.LastOdometerKm = input.OdometerKm.Value;
            return vehicle.LastOdometerKm;
        }, ct);

    /// <summary>Corrects a trip's readings and recomputes its km and CO2e; the vehicle's last reading follows when it came from this trip.</summary>
    public async Task<Outcome<BookingView>> CorrectTripAsync(Actor actor, int bookingId, TripReadingsCorrection input, CancellationToken ct = default)
    {
        var corrected = await InTransactionAsync<int>(actor, input.Validate(), async db =>
        {
            if (await db.Bookings.FindAsync([bookingId], ct) is not { } b)
            {
                return Problem.NotFound("Booking");
            }
            if (b.OdometerOutKm is null || (input.OdometerInKm is not null && b.Status != BookingStatus.Returned))
            {
                return Problem.Refused("status", Text.Get("NoReadingsToCorrect"));
            }
            var (outKm, inKm) = (input.OdometerOutKm ?? b.OdometerOutKm.Value, input.OdometerInKm ?? b.OdometerInKm);
            if (inKm < outKm)
            {
                return Problem.Refused("odometerInKm", Text.Get("OdometerTooLow", outKm));
            }
            var vehicle = await db.Vehicles.SingleAsync(v => v.Id == b.VehicleId, ct);
            var wrongHighest = Math.Max(b.OdometerOutKm.Value, b.OdometerInKm ?? 0);
            Record(db, actor, vehicle.Id, b.Id, "odometerOutKm", b.OdometerOutKm, outKm, input.Reason!);
            Record(db, actor, vehicle.Id, b.Id, "odometerInKm", b.OdometerInKm, inKm, input.Reason!);
            (b.OdometerOutKm, b.OdometerInKm) = (outKm, inKm);
            if (b.Status == BookingStatus.Returned)
            {
                var refuelled = await db.Refuellings.Where(r => r.BookingId == b.Id).Select(r => (FuelType?)r.FuelTanked).FirstOrDefaultAsync(ct);
                (b.ActualKm, b.ActualCo2eGrams) = Steering.TripSteering.Actual(vehicle, b, refuelled);
            }
            if (vehicle.LastOdometerKm == wrongHighest)
            {
                var others = await db.Bookings.Where(x => x.VehicleId == vehicle.Id && x.Id != b.Id)
                    .MaxAsync(x => (int?)(x.OdometerInKm ?? x.OdometerOutKm), ct);
                vehicle.LastOdometerKm = Math.Max(others ?? 0, inKm ?? outKm);
            }
            return b.Id;
        }, ct);
        if (!corrected.Succeeded)
        {
            return corrected.Problem!;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await BookingQueries.ViewAsync(db, corrected.Value, ct);
    }

    // Fleet managers only, valid input, then the work in one write transaction, saved and committed only when it succeeds.
    private async Task<Outcome<T>> InTransactionAsync<T>(Actor actor, FieldErrors invalid, Func<FleetPoolDb, Task<Outcome<T>>> work, CancellationToken ct)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var outcome = await work(db);
        if (outcome.Succeeded)
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return outcome;
    }

    private void Record(FleetPoolDb db, Actor actor, int vehicleId, int? bookingId, string field, int? before, int? after, string reason)
    {
        if (after is { } value && value != before)
        {
            db.ReadingCorrections.Add(new ReadingCorrection
            {
                VehicleId = vehicleId, BookingId = bookingId, Field = field, BeforeKm = before, AfterKm = value,
                Reason = reason.Trim(), ById = actor.UserId, At = clock.GetCurrentInstant(),
            });
        }
    }
}
