using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Steering;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings;

/// <summary>
/// The one gate every booking passes, whichever way it comes (<see cref="BookingPath"/>). <see cref="PlanAsync"/> applies the
/// rules that need no lock (slot rules, trip fit, reasons) and fixes the slot's end; <see cref="TakeAsync"/>, inside the
/// caller's write transaction, re-reads the vehicle's status, checks the slot is free, writes the booking and asks the
/// approval rules. Invariants: nothing else in Core constructs a trip booking or changes a booking's vehicle or times (a
/// test reads the source for it); the families applied are exactly <see cref="FamiliesFor"/> of the path.
/// </summary>
public sealed class BookingGate(IClock clock, OrganisationTime time, IOptions<BookingRuleDefaults> defaults, TripSteering steering,
    Approvals.ApprovalCheck approvals)
{
    private const RuleFamilies All = RuleFamilies.SlotRules | RuleFamilies.TripFit | RuleFamilies.Reasons | RuleFamilies.Approval | RuleFamilies.Overlap;

    /// <summary>
    /// The rule families a path passes. A waitlist offer is asked for approval when claimed (the claim holds the slot
    /// already); a fleet move keeps the booking's reasons and decision (same site and kind, never less fossil-free);
    /// an extension keeps the vehicle, so its reasons stand.
    /// </summary>
    public static RuleFamilies FamiliesFor(BookingPath path) => path switch
    {
        BookingPath.New or BookingPath.SeriesOccurrence => All | RuleFamilies.Parties,
        BookingPath.Change => All,
        BookingPath.Extension => All & ~RuleFamilies.Reasons,
        BookingPath.WaitlistOffer => All & ~RuleFamilies.Approval,
        BookingPath.WaitlistClaim => RuleFamilies.SlotRules | RuleFamilies.TripFit | RuleFamilies.Approval,
        BookingPath.FleetMove => RuleFamilies.SlotRules | RuleFamilies.TripFit | RuleFamilies.Overlap,
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    /// <summary>The rules that need no lock, or the problem that stops the booking (nothing is written).</summary>
    internal async Task<Outcome<BookingPlan>> PlanAsync(FleetPoolDb db, Actor actor, BookingDraft draft, CancellationToken ct)
    {
        var (families, existing, vehicle) = (FamiliesFor(draft.Path), draft.Existing, draft.Vehicle);
        var rules = BookingRuleSet.For(draft.Site, defaults.Value);
        var slot = new SlotRequest(draft.Start, draft.End, vehicle, draft.Site, draft.Driver, clock.GetCurrentInstant(), draft.Path == BookingPath.Extension);
        if (BookingRules.Check(slot, rules, time) is { IsEmpty: false } broken)
        {
            return Problem.Refused(broken);
        }
        var blockedUntil = draft.End + rules.Buffer;
        var kept = Kept(draft);
        // Reasons are asked of a new trip and of a change to another vehicle; a trip without a distance has none to ask.
        var steer = families.HasFlag(RuleFamilies.Reasons) && (existing is null || existing.VehicleId != vehicle.Id)
            && (draft.Trip.DistanceKm is not null || draft.Trip.PlaceId is not null);
        if (!steer)
        {
            return TripFit.Check(vehicle, draft.Trip.Passengers, existing is null ? draft.Trip.DistanceKm : existing.DistanceKm) is { IsEmpty: false } unfit
                ? Problem.Refused(unfit)
                : new BookingPlan(draft, rules, blockedUntil, kept);
        }
        var trip = await steering.CheckAsync(db, actor, draft.Trip with { VehicleId = vehicle.Id, Start = draft.Start, End = draft.End }, vehicle, draft.Site,
            blockedUntil, ct, existing?.Id);
        if (trip.Value is not { } facts)
        {
            return trip.Problem!;
        }
        // A change keeps where the trip goes; steering gives the reasons and the estimate for the new vehicle.
        return new BookingPlan(draft, rules, blockedUntil, existing is null ? facts
            : kept with { CarReason = facts.CarReason, FossilReason = facts.FossilReason, EstimatedCo2eGrams = facts.EstimatedCo2eGrams,
                FossilWhileFossilFreeFree = facts.FossilWhileFossilFreeFree });
    }

    /// <summary>
    /// Inside the caller's write transaction: the slot is still free and the vehicle still in service, then the booking is
    /// written (added, or the change applied) and the approval rules asked. Saves; the caller commits, and treats a
    /// database overlap refusal (<see cref="WriteConflicts.IsOverlap"/>) as a conflict.
    /// </summary>
    internal async Task<Outcome<Booking>> TakeAsync(FleetPoolDb db, BookingPlan plan, CancellationToken ct)
    {
        var (d, families) = (plan.Draft, FamiliesFor(plan.Draft.Path));
        if (families.HasFlag(RuleFamilies.Overlap) && await TakenAsync(db, d.Vehicle, d.Start, plan.BlockedUntil, plan.Rules, d.Existing?.Id, ct) is { } taken)
        {
            return taken;
        }
        var booking = d.Existing ?? NewTrip(d, plan);
        var extendsFrom = d.Path == BookingPath.Extension && booking.End < d.End ? booking.End : (Instant?)null;
        if (d.Existing is null)
        {
            db.Bookings.Add(booking);
        }
        else
        {
            (booking.VehicleId, booking.Start, booking.End, booking.BlockedUntil) = (d.Vehicle.Id, d.Start, d.End, plan.BlockedUntil);
            (booking.CarReason, booking.FossilReason) = (plan.Facts.CarReason, plan.Facts.FossilReason);
            booking.EstimatedCo2eGrams = booking.DistanceKm is null ? booking.EstimatedCo2eGrams : plan.Facts.EstimatedCo2eGrams;
            if (d.Path == BookingPath.WaitlistClaim)
            {
                booking.Status = BookingStatus.Reserved;
            }
        }
        // A shortened running trip asks nothing; any other change asks again (an earlier yes was for the earlier booking).
        var asks = families.HasFlag(RuleFamilies.Approval) && (d.Path != BookingPath.Extension || extendsFrom is not null);
        var pending = asks ? await approvals.CheckAsync(db, booking, d.Vehicle, plan.Facts.FossilWhileFossilFreeFree, ct, extendsFrom) : null;
        await db.SaveChangesAsync(ct);
        if (pending is not null)
        {
            await pending.AddAsync(db, booking, ct);
            await db.SaveChangesAsync(ct);
        }
        return booking;
    }

    /// <summary>
    /// Whether a fleet move (<see cref="BookingPath.FleetMove"/>) of the booking to <paramref name="target"/> passes: same site and
    /// kind as the vehicle leaving (so the same hours and licence), in service, fitting the trip (its passengers, else the
    /// leaving vehicle's seats; the range for its distance) and free for the whole slot, buffer included. Inside the write lock
    /// when followed by <see cref="Move"/>.
    /// </summary>
    internal static async Task<bool> MayMoveAsync(FleetPoolDb db, Booking booking, Vehicle leaving, Vehicle target, CancellationToken ct) =>
        target.Id != leaving.Id && target.SiteId == leaving.SiteId && target.Kind == leaving.Kind && target.IsBookable
        && TripFit.Unfit(target, booking.Passengers ?? leaving.Seats, booking.DistanceKm) is null
        && !await db.Bookings.HoldingSlotIn(booking.Start, booking.BlockedUntil).AnyAsync(b => b.VehicleId == target.Id && b.Id != booking.Id, ct);

    /// <summary>Moves the booking to a vehicle <see cref="MayMoveAsync"/> allowed, its estimate following the vehicle.</summary>
    internal static void Move(Booking booking, Vehicle target)
    {
        booking.VehicleId = target.Id;
        if (booking.DistanceKm is { } km)
        {
            booking.EstimatedCo2eGrams = TripSteering.EstimateGrams(target, km);
        }
    }

    /// <summary>Adds a planned workshop visit: a slot-holding booking of status <see cref="BookingStatus.Maintenance"/>, not a trip.</summary>
    internal static Booking AddWindow(FleetPoolDb db, int vehicleId, Instant from, Instant to, int plannerId, string reason, int costCenterId, Instant now)
    {
        var window = new Booking
        {
            VehicleId = vehicleId, Start = from, End = to, BlockedUntil = to, Status = BookingStatus.Maintenance, BookerId = plannerId,
            Purpose = reason, CostCenterId = costCenterId, CreatedAt = now,
        };
        db.Bookings.Add(window);
        return window;
    }

    // What a change keeps of the booking (or a new one takes from its request) when steering is not asked.
    private static TripFacts Kept(BookingDraft d)
    {
        var km = d.Existing is { } b ? b.DistanceKm : d.Trip.DistanceKm;
        var grams = km is { } k ? TripSteering.EstimateGrams(d.Vehicle, k) : d.Existing?.EstimatedCo2eGrams ?? 0;
        return d.Existing is { } e
            ? new TripFacts(km ?? 0, e.Destination, e.DestinationPlaceId, e.CarReason, e.FossilReason, grams)
            : new TripFacts(km ?? 0, d.Trip.Destination, d.Trip.PlaceId, d.Trip.CarReason, d.Trip.FossilReason, grams);
    }

    private Booking NewTrip(BookingDraft d, BookingPlan plan) => new()
    {
        VehicleId = d.Vehicle.Id, Start = d.Start, End = d.End, BlockedUntil = plan.BlockedUntil,
        Status = d.Path == BookingPath.WaitlistOffer ? BookingStatus.Offered : BookingStatus.Reserved,
        BookerId = d.BookerId, DriverId = d.Trip.DriverId, Purpose = d.Trip.Purpose!.Trim(), CostCenterId = d.CostCenterId,
        DistanceKm = plan.Facts.DistanceKm, Passengers = d.Trip.Passengers, Destination = plan.Facts.Destination, DestinationPlaceId = plan.Facts.PlaceId,
        CarReason = plan.Facts.CarReason, FossilReason = plan.Facts.FossilReason, EstimatedCo2eGrams = plan.Facts.EstimatedCo2eGrams,
        AlternativeCheck = d.Trip.AlternativeCheck, CreatedAt = clock.GetCurrentInstant(), SeriesId = d.SeriesId,
    };

    /// <summary>
    /// The request's vehicle, active cost centre and active driver, when they exist and the actor may book them: the
    /// <see cref="RuleFamilies.Parties"/> checks of every path where a person names them (a booking, a series, a waitlist entry).
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
