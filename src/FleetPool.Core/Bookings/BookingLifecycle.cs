using FleetPool.Core.Common;
using FleetPool.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// Moves bookings along their lifecycle: cancel (Reserved), check out (Reserved → CheckedOut) and check in
/// (CheckedOut → Returned). Invariants: an odometer never goes below the vehicle's last reading; an early return
/// frees the rest of the slot (BlockedUntil becomes the return time plus the buffer); each step is one transaction; a car
/// or van is picked up only by its driver, holding a valid licence that day (<see cref="BookingParties"/>).
/// </summary>
public sealed class BookingLifecycle(IDbContextFactory<FleetPoolDb> dbs, IClock clock, IOptions<BookingRuleDefaults> defaults, Time.OrganisationTime time,
    Waitlist.WaitlistService waitlist)
{
    /// <summary>Cancels a reservation (or withdraws one awaiting approval); the slot is free at once, and offered to whoever waits for it.</summary>
    public async Task<Outcome<BookingView>> CancelAsync(Actor actor, int id, CancellationToken ct = default) =>
        await FreedAsync(await StepAsync(actor, id, [BookingStatus.Reserved, BookingStatus.Pending], null, async (db, b, now) =>
        {
            (b.Status, b.ClosedAt) = (BookingStatus.Cancelled, now);
            await TellOthersAsync(db, actor, b, "bookingCancelledByOther", now, time, ct);
            return null;
        }, ct), ct);

    /// <summary>Tells a booking's booker and driver, other than the actor, what the actor did to it (a fleet manager cancelling, say).</summary>
    internal static async Task TellOthersAsync(FleetPoolDb db, Actor actor, Booking b, string kind, Instant now, Time.OrganisationTime time, CancellationToken ct)
    {
        if (b.BookerId == actor.UserId && (b.DriverId is null || b.DriverId == actor.UserId))
        {
            return; // their own booking: nobody else to tell
        }
        var who = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        var vehicle = await db.Vehicles.Where(v => v.Id == b.VehicleId).Select(v => v.Name).SingleAsync(ct);
        await Notifications.Notices.TellPartiesAsync(db, b, actor.UserId, kind, now, ct, vehicle, time.Format(b.Start), who);
    }

    /// <summary>Picks the vehicle up: from <c>EarlyCheckoutMinutes</c> before the start until the end.</summary>
    public Task<Outcome<BookingView>> CheckOutAsync(Actor actor, int id, TripReadings readings, CancellationToken ct = default) =>
        StepAsync(actor, id, [BookingStatus.Reserved], readings, async (db, b, now) =>
        {
            if (now < defaults.Value.PickUpOpens(b.Start) || now >= b.End)
            {
                return Problem.Refused("status", Text.Get("CheckoutWindow", defaults.Value.EarlyCheckoutMinutes));
            }
            var vehicle = await db.Vehicles.SingleAsync(v => v.Id == b.VehicleId, ct);
            if (!BookingParties.MayCheckOut(actor, b.BookerId, b.DriverId, vehicle.Kind))
            {
                return Problem.Refused("driverId", Text.Get("OnlyDriverChecksOut"));
            }
            var broken = readings.CheckOut(vehicle, defaults.Value);
            if (BookingRules.LicenceProblem(vehicle, await db.Users.FindAsync([actor.UserId], ct), b.End, time) is { } licence)
            {
                broken.Add("driverId", licence);
            }
            if (!vehicle.IsBookable)
            {
                broken.Add("vehicleId", Text.Get("VehicleNotAvailable", Text.Get($"VehicleStatus.{vehicle.Status}")));
            }
            if (!broken.IsEmpty)
            {
                return Problem.Refused(broken);
            }
            (b.Status, b.CheckedOutAt, b.OdometerOutKm) = (BookingStatus.CheckedOut, now, readings.OdometerKm);
            (b.BatteryOutPercent, b.FuelOutEighths) = (readings.BatteryPercent, readings.FuelEighths);
            if (readings.NeedsConfirmation(vehicle, defaults.Value))
            {
                // Far above the last reading: the trip keeps it, the vehicle's reading waits for a fleet manager to confirm it.
                foreach (var manager in await Notifications.Notices.FleetManagersAsync(db, ct))
                {
                    await Notifications.Notices.TellAsync(db, manager, b.Id, "odometerJump", now,
                        [vehicle.Name, vehicle.LastOdometerKm.ToString(System.Globalization.CultureInfo.InvariantCulture), readings.OdometerKm!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)], ct);
                }
                return null;
            }
            vehicle.LastOdometerKm = Math.Max(vehicle.LastOdometerKm, readings.OdometerKm ?? 0);
            return null;
        }, ct);

    /// <summary>Brings the vehicle back, with readings, optional refuelling and an optional damage report; an early return is offered to whoever waits.</summary>
    public async Task<Outcome<BookingView>> CheckInAsync(Actor actor, int id, TripReadings readings, CancellationToken ct = default) =>
        await FreedAsync(await StepAsync(actor, id, [BookingStatus.CheckedOut], readings, async (db, b, now) =>
        {
            var vehicle = await db.Vehicles.SingleAsync(v => v.Id == b.VehicleId, ct);
            if (!BookingParties.MayCheckIn(actor, b.BookerId, b.DriverId, vehicle.Kind))
            {
                return Problem.Refused("driverId", Text.Get("OnlyDriverChecksIn"));
            }
            var broken = readings.CheckIn(vehicle, b.OdometerOutKm ?? 0, now - (b.CheckedOutAt ?? now), defaults.Value);
            if (!broken.IsEmpty)
            {
                return Problem.Refused(broken);
            }
            var buffer = BookingRuleSet.For(await db.Sites.AsNoTracking().SingleAsync(s => s.Id == vehicle.SiteId, ct), defaults.Value).Buffer;
            (b.Status, b.ReturnedAt, b.OdometerInKm) = (BookingStatus.Returned, now, readings.OdometerKm);
            (b.BatteryInPercent, b.FuelInEighths) = (readings.BatteryPercent, readings.FuelEighths);
            if (now + buffer < b.BlockedUntil)
            {
                b.BlockedUntil = now + buffer;
            }
            vehicle.LastOdometerKm = readings.LastOdometerAfter(vehicle, b.OdometerOutKm ?? vehicle.LastOdometerKm, defaults.Value);
            (b.ActualKm, b.ActualCo2eGrams) = Steering.TripSteering.Actual(vehicle, b, readings.Refuel?.Fuel);
            if (readings.Refuel is { } r)
            {
                db.Refuellings.Add(new Refuelling { VehicleId = vehicle.Id, BookingId = b.Id, At = now, FuelTanked = r.Fuel!.Value, Amount = r.Amount!.Value });
            }
            if (readings.Damage is { } d)
            {
                await Fleet.DamageReports.FileAsync(db, actor, vehicle, d, b.Id, now, time, ct);
            }
            return null;
        }, ct), ct);

    private async Task<Outcome<BookingView>> FreedAsync(Outcome<BookingView> outcome, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            await waitlist.OfferFreedAsync(ct);
        }
        return outcome;
    }

    private async Task<Outcome<BookingView>> StepAsync(Actor actor, int id, BookingStatus[] from, TripReadings? readings,
        Func<FleetPoolDb, Booking, Instant, Task<Problem?>> step, CancellationToken ct)
    {
        if (readings?.Validate() is { IsEmpty: false } invalid)
        {
            return Problem.Invalid(invalid);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await BookingAccess.FindVisibleAsync(db, actor, id, ct) is not { } booking)
        {
            return Problem.NotFound("Booking");
        }
        if (!from.Contains(booking.Status))
        {
            return Problem.Refused("status", Text.Get("WrongStatus", Text.Get($"Status.{booking.Status}"), Text.Get($"Status.{from[0]}")));
        }
        if (await step(db, booking, clock.GetCurrentInstant()) is { } problem)
        {
            return problem;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await BookingQueries.ViewAsync(db, booking.Id, ct);
    }
}
