using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet;

/// <summary>What happens to a retiring vehicle's future reservations.</summary>
public enum FutureBookings
{
    /// <summary>Cancel them all.</summary>
    Cancel,
    /// <summary>Move each to a free vehicle of the same kind at the same site; cancel those that cannot move.</summary>
    Move,
}

/// <summary>The result of a retirement: how many future reservations moved and how many were cancelled.</summary>
public sealed record RetirementResult(VehicleView Vehicle, int Moved, int Cancelled);

/// <summary>
/// Retires a vehicle and deals with its future reservations in the same transaction. Invariants: afterwards the
/// vehicle holds no future reservation; a moved reservation keeps its times and lands only on an equivalent vehicle free
/// for them (<see cref="Maintenance.VehicleMoves"/>); every booker is told; nothing changes when the caller does not manage the fleet.
/// </summary>
public sealed class Retirement(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time)
{
    /// <summary>Retires the vehicle as of today (organisation time).</summary>
    public async Task<Outcome<RetirementResult>> RetireAsync(Actor actor, int vehicleId, FutureBookings future, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var vehicle = await db.Vehicles.FindAsync([vehicleId], ct);
        if (vehicle is null)
        {
            return Problem.NotFound("Vehicle");
        }
        var now = clock.GetCurrentInstant();
        (vehicle.Status, vehicle.RetiredOn, vehicle.StatusChangedAt) = (VehicleStatus.Retired, time.DateOf(now), now);
        var reservations = await db.Bookings.Where(b => b.VehicleId == vehicleId && b.Status == BookingStatus.Reserved && b.End > now)
            .OrderBy(b => b.Start).ToListAsync(ct);
        var moved = 0;
        var why = Text.Get("RetiredWhy");
        foreach (var booking in reservations)
        {
            if (future == FutureBookings.Move && await Maintenance.VehicleMoves.MoveAsync(db, vehicle, booking, ct) is { } target)
            {
                await Maintenance.VehicleMoves.TellMovedAsync(db, booking, vehicle.Name, target.Name, why, now, time, ct);
                moved++;
                await db.SaveChangesAsync(ct); // so the next reservation sees this one on its new vehicle
            }
            else
            {
                (booking.Status, booking.ClosedAt) = (BookingStatus.Cancelled, now);
                await Maintenance.VehicleMoves.TellCancelledAsync(db, booking, vehicle.Name, why, now, time, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RetirementResult(VehicleView.From(vehicle, 0), moved, reservations.Count - moved);
    }
}
