using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Core.Fleet.Maintenance;

/// <summary>A booking inside a planned window: who and when, and the vehicle it could move to (null: none is free).</summary>
public sealed record AffectedBooking(int BookingId, string Booker, Instant Start, Instant End, BookingStatus Status, int? MoveToVehicleId, string? MoveToName);

/// <summary>What to do with an affected booking: move it to <see cref="AffectedBooking.MoveToVehicleId"/>, or cancel it.</summary>
public sealed record AffectedDecision(int BookingId, bool Move);

/// <summary>A workshop visit to plan: the window, why, and a decision for every booking inside it.</summary>
public sealed record MaintenancePlan(Instant? From, Instant? To, string? Reason, IReadOnlyList<AffectedDecision>? Decisions = null)
{
    /// <summary>Field errors (400).</summary>
    public FieldErrors Validate()
    {
        var e = new FieldErrors();
        BookingTimes.Validate(e, From, To, "from", "to");
        e.AddIf(From is { } f && To is { } t && t - f > Duration.FromDays(180), "to", Text.Get("MaintenanceTooLong", 180));
        return e.RequireText(Reason, "reason", 200);
    }
}

/// <summary>A planned workshop visit as listed.</summary>
public sealed record MaintenanceWindowView(int Id, int VehicleId, Instant From, Instant To, string Reason);

/// <summary>The outcome of planning: the window, and how many bookings moved and were cancelled.</summary>
public sealed record MaintenanceResult(MaintenanceWindowView Window, int Moved, int Cancelled);

/// <summary>
/// Planned workshop visits. A window is a slot-holding booking of status <see cref="BookingStatus.Maintenance"/>, so the
/// same overlap guarantee (the write lock; PostgreSQL's exclusion constraint) keeps trips out of it. Invariants: a window
/// is saved only with a decision for every booking inside it (listed first by <see cref="PreviewAsync"/>), and in the
/// same transaction each is moved (to an equivalent vehicle free then) or cancelled, and its booker told; a trip under
/// way refuses the window; ending a window early frees the vehicle and offers it to the waitlist.
/// </summary>
public sealed class MaintenanceWindows(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, Bookings.Waitlist.WaitlistService waitlist)
{
    private static readonly BookingStatus[] Movable = [BookingStatus.Reserved, BookingStatus.Pending, BookingStatus.Offered];

    /// <summary>The bookings a window would meet, each with the vehicle it could move to.</summary>
    public async Task<Outcome<IReadOnlyList<AffectedBooking>>> PreviewAsync(Actor actor, int vehicleId, Instant? from, Instant? to, CancellationToken ct = default)
    {
        var check = Check(actor, new MaintenancePlan(from, to, "preview"));
        if (check is not null)
        {
            return check;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await db.Vehicles.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vehicleId, ct) is not { } vehicle)
        {
            return Problem.NotFound("Vehicle");
        }
        var affected = await AffectedAsync(db, vehicleId, from!.Value, to!.Value, ct);
        var list = new List<AffectedBooking>();
        foreach (var (booking, booker) in affected)
        {
            var target = booking.Status == BookingStatus.CheckedOut ? null : await VehicleMoves.EquivalentAsync(db, vehicle, booking, ct);
            list.Add(new AffectedBooking(booking.Id, booker, booking.Start, booking.End, booking.Status, target?.Id, target?.Name));
        }
        return list;
    }

    /// <summary>Plans the window, moving or cancelling the bookings inside it as decided, in one transaction.</summary>
    public async Task<Outcome<MaintenanceResult>> PlanAsync(Actor actor, int vehicleId, MaintenancePlan plan, CancellationToken ct = default)
    {
        if (Check(actor, plan) is { } invalid)
        {
            return invalid;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        if (await db.Vehicles.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vehicleId, ct) is not { } vehicle)
        {
            return Problem.NotFound("Vehicle");
        }
        var (from, to) = (plan.From!.Value, plan.To!.Value);
        var affected = await AffectedAsync(db, vehicleId, from, to, ct);
        if (affected.FirstOrDefault(a => a.Booking.Status == BookingStatus.CheckedOut) is { Booking: { } away })
        {
            return Problem.Refused("from", Text.Get("MaintenanceTripUnderWay", time.Format(away.End)));
        }
        var decisions = (plan.Decisions ?? []).ToDictionary(d => d.BookingId, d => d.Move);
        if (affected.Where(a => !decisions.ContainsKey(a.Booking.Id)).Select(a => a.Booking).FirstOrDefault() is { } undecided)
        {
            // Someone booked inside the window since the list was shown: show it again rather than decide for them.
            return Problem.Conflict(Text.Get("MaintenanceUndecided", time.Format(undecided.Start)));
        }
        var costCenter = await db.CostCenters.Where(c => c.OrgUnitId == vehicle.DepartmentId && c.IsActive).OrderBy(c => c.Code).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
            ?? await db.CostCenters.Where(c => c.IsActive).OrderBy(c => c.Code).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (costCenter is null)
        {
            return Problem.Refused("vehicleId", Text.Get("NoCostCenter"));
        }
        var now = clock.GetCurrentInstant();
        var reason = plan.Reason!.Trim();
        var (moved, cancelled) = (0, 0);
        foreach (var (booking, _) in affected)
        {
            if (decisions[booking.Id] && await VehicleMoves.MoveAsync(db, vehicle, booking, ct) is { } target)
            {
                await VehicleMoves.TellMovedAsync(db, booking, vehicle.Name, target.Name, reason, now, time, ct);
                moved++;
            }
            else
            {
                (booking.Status, booking.ClosedAt) = (BookingStatus.Cancelled, now);
                await VehicleMoves.TellCancelledAsync(db, booking, vehicle.Name, reason, now, time, ct);
                cancelled++;
            }
            await db.SaveChangesAsync(ct); // the next booking's check sees this one where it went
        }
        var window = BookingGate.AddWindow(db, vehicleId, from, to, actor.UserId, reason, costCenter.Value, now);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (WriteConflicts.IsOverlap(e))
        {
            return Problem.Conflict(Text.Get("BookedMomentAgo", vehicle.Name));
        }
        return new MaintenanceResult(View(window), moved, cancelled);
    }

    /// <summary>The vehicle's windows that have not ended, soonest first.</summary>
    public async Task<IReadOnlyList<MaintenanceWindowView>> ListAsync(int vehicleId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetCurrentInstant();
        return (await db.Bookings.AsNoTracking().Where(b => b.VehicleId == vehicleId && b.Status == BookingStatus.Maintenance && b.End > now)
            .OrderBy(b => b.Start).ToListAsync(ct)).ConvertAll(View);
    }

    /// <summary>Ends a window now (the vehicle came back early) or drops one not begun; the vehicle is offered to the waitlist.</summary>
    public async Task<Outcome<MaintenanceWindowView>> EndAsync(Actor actor, int vehicleId, int windowId, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        MaintenanceWindowView view;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.ActorId = actor.UserId;
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            var now = clock.GetCurrentInstant();
            if (await db.Bookings.SingleOrDefaultAsync(b => b.Id == windowId && b.VehicleId == vehicleId && b.Status == BookingStatus.Maintenance && b.End > now, ct)
                is not { } window)
            {
                return Problem.NotFound("Maintenance");
            }
            if (window.Start >= now)
            {
                (window.Status, window.ClosedAt) = (BookingStatus.Cancelled, now);
            }
            else
            {
                (window.End, window.BlockedUntil) = (now, now);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            view = View(window);
        }
        await waitlist.OfferFreedAsync(ct);
        return view;
    }

    private static Problem? Check(Actor actor, MaintenancePlan plan) =>
        !actor.ManagesFleet ? Problem.Forbidden() : plan.Validate() is { IsEmpty: false } errors ? Problem.Invalid(errors) : null;

    private static async Task<List<(Booking Booking, string Booker)>> AffectedAsync(FleetPoolDb db, int vehicleId, Instant start, Instant end, CancellationToken ct) =>
        (await (from b in db.Bookings.HoldingSlotIn(start, end)
                join u in db.Users on b.BookerId equals u.Id
                where b.VehicleId == vehicleId && (Movable.Contains(b.Status) || b.Status == BookingStatus.CheckedOut)
                orderby b.Start
                select new { b, u.DisplayName }).ToListAsync(ct)).ConvertAll(x => (Booking: x.b, Booker: x.DisplayName));

    private static MaintenanceWindowView View(Booking b) => new(b.Id, b.VehicleId, b.Start, b.End, b.Purpose);
}
