using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// Makes and changes single bookings through <see cref="BookingGate"/>. Invariant: the overlap check (with a re-read of the
/// vehicle's status) and the write happen in one transaction under the database's write lock (SQLite: one writer at a time;
/// PostgreSQL: the exclusion constraint), so no interleaving of concurrent requests can produce two slot-holding bookings of
/// one vehicle whose [Start, BlockedUntil) overlap. A new booking's reference reads and rule checks run before the lock.
/// </summary>
public sealed class BookingService(
    IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, BookingGate gate, Steering.RoundPlanning rounds,
    Microsoft.Extensions.Logging.ILogger<BookingService> log)
{
    /// <summary>Books a vehicle for the requester (driven by them or by <see cref="BookingRequest.DriverId"/>); counted and logged
    /// by outcome (ids, kinds and fields only: no purpose or destination).</summary>
    public async Task<Outcome<BookingView>> CreateAsync(Actor actor, BookingRequest request, CancellationToken ct = default)
    {
        var outcome = await BookAsync(actor, request, ct);
        Telemetry.FleetPoolTelemetry.Booking(outcome);
        if (outcome.Value is { } made)
        {
            Telemetry.BookingLog.Created(log, made.Id, made.VehicleId, made.Status, actor.UserId);
        }
        else
        {
            Telemetry.BookingLog.NotMade(log, request.VehicleId, outcome.Problem!.Kind, string.Join(",", outcome.Problem.Errors.Keys), actor.UserId);
        }
        return outcome;
    }

    private async Task<Outcome<BookingView>> BookAsync(Actor actor, BookingRequest request, CancellationToken ct)
    {
        var invalid = request.Validate();
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        if (request.Repeat is not null)
        {
            return Problem.Invalid(new FieldErrors().Add("repeat", Text.Get("RepeatUseSeries")));
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        // Stryker disable once Statement : without it EF opens and closes the connection per query: slower, same answer.
        await db.Database.OpenConnectionAsync(ct);
        // References, rules and steering are read before the write lock: none of them is what two bookings race for, so
        // the lock covers only the overlap check and the insert (and other requests read meanwhile).
        var parties = await BookingGate.PartiesAsync(db, actor, request, ct);
        if (parties.Value is not var (vehicle, costCenter, driver))
        {
            return parties.Problem!;
        }
        var site = await HotQueries.For(db).SiteWithHours(db, vehicle.SiteId, ct) ?? throw new InvalidOperationException($"Vehicle {vehicle.Id} names site {vehicle.SiteId}, which does not exist.");
        var round = await RoundAsync(db, actor, request, vehicle.SiteId, ct);
        if (round.Value is not { } planned)
        {
            return round.Problem!;
        }
        var draft = new BookingDraft(BookingPath.New, vehicle, site, driver, request.Start!.Value, request.End!.Value, planned.Request)
        {
            BookerId = actor.UserId, CostCenterId = costCenter.Id,
        };
        var plan = await gate.PlanAsync(db, actor, draft, ct);
        if (plan.Value is not { } ready)
        {
            return plan.Problem!;
        }
        // A driver named by a fleet manager hears of it in the inbox (and by e-mail when SMTP is set up).
        var bookerName = driver.Id == actor.UserId ? null : await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        Booking? booking = null;
        if (await TakeOrConflictAsync(db, tx, ready, made =>
            {
                booking = made;
                // The booker's confirmation (inbox, and e-mail unless they turned bookings off); a pending one is confirmed on approval.
                if (made.Status != BookingStatus.Pending)
                {
                    db.Notifications.Add(Notifications.Notices.New(actor.UserId, made.Id, "bookingConfirmed", made.CreatedAt,
                        [vehicle.Name, time.Format(made.Start), time.Format(made.End)]));
                }
                if (bookerName is not null)
                {
                    db.Notifications.Add(Notifications.Notices.New(driver.Id, made.Id, "namedDriver", made.CreatedAt,
                        [vehicle.Name, time.Format(made.Start), bookerName]));
                }
                db.BookingStops.AddRange(planned.Stops(made.Id));
                return Task.CompletedTask;
            }, ct) is { } problem)
        {
            return problem;
        }
        return BookingView.From(booking!, vehicle, costCenter.Code);
    }

    /// <summary>
    /// Moves a reservation (time and/or vehicle) or changes the end of a running booking, through the gate like a new
    /// booking (the booking itself excluded from the overlap check).
    /// </summary>
    public async Task<Outcome<BookingView>> ChangeAsync(Actor actor, int id, BookingChange change, CancellationToken ct = default)
    {
        var invalid = change.Validate();
        if (!invalid.IsEmpty)
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
        var running = booking.Status == BookingStatus.CheckedOut;
        if (booking.Status != BookingStatus.Reserved && !running)
        {
            return Problem.Refused("status", Text.Get("CannotChange", Text.Get($"Status.{booking.Status}")));
        }
        if (running && (change.Start is { } s && s != booking.Start || change.VehicleId is { } v && v != booking.VehicleId))
        {
            return Problem.Refused(change.Start is not null ? "start" : "vehicleId",
                Text.Get("RunningKeepsStart"));
        }
        var vehicle = await db.Vehicles.FindAsync([change.VehicleId ?? booking.VehicleId], ct);
        if (vehicle is null)
        {
            return Problem.Invalid(new FieldErrors().Add("vehicleId", Text.Get("NoVehicle")));
        }
        var start = change.Start ?? booking.Start;
        var end = change.End ?? booking.End;
        if (end <= start)
        {
            return Problem.Invalid(new FieldErrors().Add("end", Text.Get("EndAfterStart")));
        }
        var driver = await db.Users.FindAsync([booking.EffectiveDriverId], ct);
        var site = await HotQueries.For(db).SiteWithHours(db, vehicle.SiteId, ct) ?? throw new InvalidOperationException($"Vehicle {vehicle.Id} names site {vehicle.SiteId}, which does not exist.");
        var asIfNew = new BookingRequest(vehicle.Id, start, end, booking.Purpose, null, booking.DistanceKm, Passengers: booking.Passengers,
            CarReason: change.CarReason ?? booking.CarReason, FossilReason: change.FossilReason ?? booking.FossilReason);
        var draft = new BookingDraft(running ? BookingPath.Extension : BookingPath.Change, vehicle, site, driver, start, end, asIfNew) { Existing = booking };
        var plan = await gate.PlanAsync(db, actor, draft, ct);
        if (plan.Value is not { } ready)
        {
            return plan.Problem!;
        }
        if (await TakeOrConflictAsync(db, tx, ready, made =>
                BookingLifecycle.TellOthersAsync(db, actor, made, "bookingChangedByOther", clock.GetCurrentInstant(), time, ct), ct) is { } problem)
        {
            return problem;
        }
        var costCenter = await db.CostCenters.Where(c => c.Id == booking.CostCenterId).Select(c => c.Code).SingleAsync(ct);
        return BookingView.From(booking, vehicle, costCenter);
    }

    // A round's stops in the planner's best order, the request carrying the round's km as its one-way equivalent (half the
    // round), so steering's thresholds and the CO2e estimate (2 × one way) use the whole round; confidential stops keep no id.
    private async Task<Outcome<PlannedRound>> RoundAsync(FleetPoolDb db, Actor actor, BookingRequest request, int siteId, CancellationToken ct)
    {
        if (request.Stops is not { Count: > 0 } ids)
        {
            return new PlannedRound(request, _ => []);
        }
        var plan = await rounds.PlanAsync(actor, new Steering.RoundRequest(siteId, ids.Select(id => new Steering.RoundStopInput(id, null, null)).ToList()), ct);
        if (plan.Value is not { } proposal)
        {
            return plan.Problem!;
        }
        var hidden = await db.Places.Where(p => ids.Contains(p.Id) && p.Confidential).Select(p => p.Id).ToListAsync(ct);
        var order = proposal.Order.Select(leg => ids[leg.Stop]).ToList();
        return new PlannedRound(request with { DistanceKm = Math.Round(proposal.Km / 2, 2), Stops = order },
            bookingId => order.Select((id, k) => new BookingStop { BookingId = bookingId, Seq = k + 1, PlaceId = hidden.Contains(id) ? null : id, Confidential = hidden.Contains(id) }));
    }

    // Takes the slot through the gate, adds what goes with the booking, and commits; on PostgreSQL two transactions can both
    // pass the check, and the exclusion constraint then refuses the second: a conflict, like the check's own.
    private async Task<Problem?> TakeOrConflictAsync(FleetPoolDb db, WriteTransaction tx, BookingPlan plan, Func<Booking, Task> with, CancellationToken ct)
    {
        try
        {
            var taken = await gate.TakeAsync(db, plan, ct);
            if (taken.Value is not { } booking)
            {
                return taken.Problem;
            }
            await with(booking);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }
        catch (Exception e) when (WriteConflicts.IsOverlap(e))
        {
            return Problem.Conflict(Text.Get("BookedMomentAgo", plan.Draft.Vehicle.Name));
        }
    }
}

/// <summary>Who and what a booking is for, once checked.</summary>
internal sealed record BookingParts(Vehicle Vehicle, Organisation.CostCenter CostCenter, AppUser Driver);

/// <summary>A request with its round planned, and the stops to store once the booking has its id.</summary>
internal sealed record PlannedRound(BookingRequest Request, Func<int, IEnumerable<BookingStop>> Stops);

/// <summary>Who pays and who drives, once checked.</summary>
internal sealed record Payer(Organisation.CostCenter CostCenter, AppUser Driver);

/// <summary>Who may see and act on a booking: its booker, its driver, fleet managers and admins.</summary>
public static class BookingAccess
{
    /// <summary>True when the actor may see the booking; others get "not found".</summary>
    public static bool CanSee(Actor actor, Booking booking) => CanSee(actor, booking.BookerId, booking.DriverId);

    /// <summary>True when the actor may see a booking of this booker and driver.</summary>
    public static bool CanSee(Actor actor, int bookerId, int? driverId) =>
        actor.ManagesFleet || bookerId == actor.UserId || driverId == actor.UserId;

    /// <summary>The tracked booking, or null when it does not exist or the actor may not see it.</summary>
    internal static async Task<Booking?> FindVisibleAsync(FleetPoolDb db, Actor actor, int id, CancellationToken ct) =>
        await db.Bookings.FindAsync([id], ct) is { } booking && CanSee(actor, booking) ? booking : null;
}
