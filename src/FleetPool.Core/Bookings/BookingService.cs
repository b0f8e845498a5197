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
/// Makes and changes bookings. Invariant: the overlap check (with a re-read of the vehicle's status) and the write
/// happen in one transaction under the database's write lock (SQLite: one writer at a time; PostgreSQL: the exclusion
/// constraint), so no interleaving of concurrent requests can produce two slot-holding bookings of one vehicle whose
/// [Start, BlockedUntil) overlap. A new booking's reference reads and rule checks run before the lock.
/// </summary>
public sealed class BookingService(
    IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<BookingRuleDefaults> defaults, Steering.TripSteering steering,
    Approvals.ApprovalService approvals, Steering.RoundPlanning rounds, Microsoft.Extensions.Logging.ILogger<BookingService> log)
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
        var parties = await PartiesAsync(db, actor, request, ct);
        if (parties.Value is not var (vehicle, costCenter, driver))
        {
            return parties.Problem!;
        }
        var (problem, rules, site) = await CheckRulesAsync(db, vehicle, request.Start!.Value, request.End!.Value, driver, false, ct);
        if (problem is not null)
        {
            return problem;
        }
        var round = await RoundAsync(db, actor, request, vehicle.SiteId, ct);
        if (round.Problem is { } badStops)
        {
            return badStops;
        }
        request = round.Value!.Request;
        var blockedUntil = request.End!.Value + rules!.Buffer;
        var trip = await steering.CheckAsync(db, actor, request, vehicle, site!, blockedUntil, ct);
        if (trip.Value is not { } facts)
        {
            return trip.Problem!;
        }
        // A driver named by a fleet manager hears of it in the inbox (and by e-mail when SMTP is set up).
        var tellDriver = driver.Id == actor.UserId ? null : new Notifications.Notification
        {
            UserId = driver.Id, Kind = "namedDriver", At = clock.GetCurrentInstant(),
            Arguments = string.Join(Notifications.Inbox.Separator, vehicle.Name, time.Format(request.Start!.Value),
                await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).SingleAsync(ct)),
        };
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await TakenAsync(db, vehicle, request.Start!.Value, blockedUntil, rules, null, ct) is { } taken)
        {
            return taken;
        }
        var booking = new Booking
        {
            VehicleId = vehicle.Id, Start = request.Start.Value, End = request.End.Value,
            BlockedUntil = blockedUntil, Status = BookingStatus.Reserved,
            BookerId = actor.UserId, DriverId = request.DriverId, Purpose = request.Purpose!.Trim(),
            CostCenterId = costCenter.Id, DistanceKm = facts.DistanceKm, Passengers = request.Passengers, Destination = facts.Destination, DestinationPlaceId = facts.PlaceId,
            CarReason = facts.CarReason, FossilReason = facts.FossilReason, EstimatedCo2eGrams = facts.EstimatedCo2eGrams,
            AlternativeCheck = request.AlternativeCheck, CreatedAt = clock.GetCurrentInstant(),
        };
        // An exception to the approval rules holds its slot as Pending until an approver decides.
        var pending = await approvals.CheckAsync(db, booking, vehicle, facts.FossilWhileFossilFreeFree, ct);
        db.Bookings.Add(booking);
        if (await SaveOrConflictAsync(db, tx, vehicle.Name, ct, async () =>
            {
                // The booker's confirmation (inbox, and e-mail unless they turned bookings off); a pending one is confirmed on approval.
                if (pending is null)
                {
                    db.Notifications.Add(Notifications.Notices.New(actor.UserId, booking.Id, "bookingConfirmed", booking.CreatedAt,
                        [vehicle.Name, time.Format(booking.Start), time.Format(booking.End)]));
                }
                if (tellDriver is not null)
                {
                    tellDriver.BookingId = booking.Id;
                    db.Notifications.Add(tellDriver);
                }
                await (pending?.AddAsync(db, booking, ct) ?? Task.CompletedTask);
                db.BookingStops.AddRange(round.Value.Stops(booking.Id));
            }) is { } conflict)
        {
            return conflict;
        }
        return BookingView.From(booking, vehicle, costCenter.Code);
    }

    /// <summary>
    /// Moves a reservation (time and/or vehicle) or changes the end of a running booking, through the same rule
    /// and overlap checks as a new booking (the booking itself excluded).
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
        var (problem, rules, site) = await CheckSlotAsync(db, vehicle, start, end, booking.EffectiveDriverId, running, booking.Id, ct);
        if (problem is not null)
        {
            return problem;
        }
        var fossilWhileFree = false;
        // Checked here too for a booking with no distance, which steering below never sees: its seats still count.
        if (vehicle.Id != booking.VehicleId && TripFit.Check(vehicle, booking.Passengers, booking.DistanceKm) is { IsEmpty: false } unfit)
        {
            return Problem.Refused(unfit);
        }
        if (vehicle.Id != booking.VehicleId && booking.DistanceKm is { } km)
        {
            var asIfNew = new BookingRequest(vehicle.Id, start, end, booking.Purpose, null, km, Passengers: booking.Passengers,
                CarReason: change.CarReason ?? booking.CarReason, FossilReason: change.FossilReason ?? booking.FossilReason);
            var trip = await steering.CheckAsync(db, actor, asIfNew, vehicle, site!, end + rules!.Buffer, ct, booking.Id);
            if (trip.Value is not { } facts)
            {
                return trip.Problem!;
            }
            (booking.CarReason, booking.FossilReason, booking.EstimatedCo2eGrams) = (facts.CarReason, facts.FossilReason, facts.EstimatedCo2eGrams);
            fossilWhileFree = facts.FossilWhileFossilFreeFree;
        }
        (booking.VehicleId, booking.Start, booking.End, booking.BlockedUntil) = (vehicle.Id, start, end, end + rules!.Buffer);
        await BookingLifecycle.TellOthersAsync(db, actor, booking, "bookingChangedByOther", clock.GetCurrentInstant(), time, ct);
        // A reservation moved or lengthened into an exception asks again (an earlier yes was for the earlier booking).
        if (!running && await approvals.CheckAsync(db, booking, vehicle, fossilWhileFree, ct) is { } pending)
        {
            await pending.AddAsync(db, booking, ct);
        }
        if (await SaveOrConflictAsync(db, tx, vehicle.Name, ct) is { } conflict)
        {
            return conflict;
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

    /// <summary>
    /// The request's vehicle, active cost centre and active driver, when they exist and the actor may book them: the checks a
    /// single booking and a series share.
    /// </summary>
    internal static async Task<Outcome<BookingParts>> PartiesAsync(FleetPoolDb db, Actor actor, BookingRequest request, CancellationToken ct)
    {
        var vehicle = await HotQueries.For(db).Vehicle(db, request.VehicleId!.Value, ct);
        var payer = await PayerAsync(db, actor, request.CostCenter, request.DriverId,
            new FieldErrors().AddIf(vehicle is null, "vehicleId", Text.Get("NoVehicle")), ct);
        return payer.Value is { } p ? new BookingParts(vehicle!, p.CostCenter, p.Driver) : payer.Problem!;
    }

    /// <summary>
    /// The active cost centre and active driver (the actor unless named), when the actor may name that driver and charge
    /// that cost centre; <paramref name="errors"/> holds what the caller found wrong already.
    /// </summary>
    internal static async Task<Outcome<Payer>> PayerAsync(FleetPoolDb db, Actor actor, string? costCenterCode, int? driverId, FieldErrors errors,
        CancellationToken ct)
    {
        var queries = HotQueries.For(db);
        var costCenter = await queries.ActiveCostCenter(db, costCenterCode, ct);
        var driver = await queries.ActiveUser(db, driverId ?? actor.UserId, ct);
        errors.AddIf(costCenter is null, "costCenter", Text.Get("NoCostCenter")).AddIf(driver is null, "driverId", Text.Get("NoUser"));
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }
        return await PartiesProblemAsync(db, actor, driver!, costCenter!.OrgUnitId, ct) is { } problem ? problem : new Payer(costCenter, driver!);
    }

    // Who drives and what is charged: the booker's own rights, not the named driver's (BookingParties).
    // Past MayNameDriver a booker who does not manage the fleet is the driver, so the driver row already holds their department.
    private static async Task<Problem?> PartiesProblemAsync(FleetPoolDb db, Actor actor, AppUser driver, int costCenterUnitId, CancellationToken ct)
    {
        if (!BookingParties.MayNameDriver(actor, driver.Id))
        {
            return Problem.Refused("driverId", Text.Get("OnlyFleetNamesDriver"));
        }
        return actor.ManagesFleet || BookingParties.MayCharge(actor, await BookingParties.UnitsAboveAsync(db, driver.DepartmentId, ct), costCenterUnitId)
            ? null : Problem.Refused("costCenter", Text.Get("CostCenterNotYours"));
    }

    // On PostgreSQL two transactions can both pass the check; the exclusion constraint then refuses the second.
    private static async Task<Problem?> SaveOrConflictAsync(FleetPoolDb db, WriteTransaction tx, string vehicleName, CancellationToken ct,
        Func<Task>? afterInsert = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            if (afterInsert is not null)
            {
                await afterInsert();
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return null;
        }
        catch (Exception e) when (WriteConflicts.IsOverlap(e))
        {
            return Problem.Conflict(Text.Get("BookedMomentAgo", vehicleName));
        }
    }

    // The rules and the overlap check together, for changes (which read the booking inside the write lock anyway).
    private async Task<(Problem?, BookingRuleSet?, Organisation.Site?)> CheckSlotAsync(FleetPoolDb db, Vehicle vehicle, Instant start, Instant end,
        int driverId, bool running, int? excludeId, CancellationToken ct)
    {
        var driver = await db.Users.FindAsync([driverId], ct);
        var (problem, rules, site) = await CheckRulesAsync(db, vehicle, start, end, driver, running, ct);
        return problem is not null ? (problem, null, null)
            : await TakenAsync(db, vehicle, start, end + rules!.Buffer, rules, excludeId, ct) is { } taken ? (taken, null, null)
            : (null, rules, site);
    }

    private async Task<(Problem?, BookingRuleSet?, Organisation.Site?)> CheckRulesAsync(FleetPoolDb db, Vehicle vehicle, Instant start, Instant end,
        AppUser? driver, bool running, CancellationToken ct)
    {
        var site = await HotQueries.For(db).SiteWithHours(db, vehicle.SiteId, ct) ?? throw new InvalidOperationException($"Vehicle {vehicle.Id} names site {vehicle.SiteId}, which does not exist.");
        var rules = BookingRuleSet.For(site, defaults.Value);
        var broken = BookingRules.Check(new SlotRequest(start, end, vehicle, site, driver, clock.GetCurrentInstant(), running), rules, time);
        return broken.IsEmpty ? (null, rules, site) : (Problem.Refused(broken), null, null);
    }

    /// <summary>The SQL comment on the overlap check (<c>-- FleetPool: slot check</c>), to find it in logs and traces.</summary>
    public const string SlotCheckTag = "FleetPool: slot check";

    // Inside the write lock: the slot is still free, and the vehicle was not sent to maintenance or retired meanwhile.
    private static async Task<Problem?> TakenAsync(FleetPoolDb db, Vehicle vehicle, Instant start, Instant blockedUntil, BookingRuleSet rules,
        int? excludeId, CancellationToken ct)
    {
        var self = excludeId ?? 0;
        var holding = db.Bookings.HoldingSlotIn(start, blockedUntil).Where(b => b.Id != self);
        var now = await db.Vehicles.AsNoTracking().TagWith(SlotCheckTag).Where(v => v.Id == vehicle.Id)
            .Select(v => new { v.Status, Taken = holding.Any(b => b.VehicleId == v.Id) }).SingleAsync(ct);
        return now.Status is VehicleStatus.Maintenance or VehicleStatus.Retired && now.Status != vehicle.Status
                ? Problem.Refused("vehicleId", Text.Get(now.Status == VehicleStatus.Maintenance ? "InMaintenance" : "Retired"))
            : now.Taken ? Problem.Conflict(Text.Get("AlreadyBooked", vehicle.Name, rules.Buffer.TotalMinutes))
            : null;
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
