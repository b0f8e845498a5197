using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Core.Bookings;

/// <summary>
/// Who takes part in a booking and what each may do. Invariants: only fleet managers and admins name a driver other
/// than themselves (a staff member books for themselves, so nobody lands in a colleague's calendar unasked, and an
/// unlicensed booker cannot borrow a colleague's licence); a car or van is checked out only by its driver; it is
/// checked in by its driver or a fleet manager (keys handed back at the desk); a bike by anyone who may see the booking.
/// A booker charges only a cost centre of their own department or of a unit above it (the board's), fleet managers any.
/// </summary>
public static class BookingParties
{
    /// <summary>True when the actor may book with <paramref name="driverId"/> as the driver.</summary>
    public static bool MayNameDriver(Actor actor, int driverId) => driverId == actor.UserId || actor.ManagesFleet;

    /// <summary>True when the actor may pick the vehicle up.</summary>
    public static bool MayCheckOut(Actor actor, int bookerId, int? driverId, VehicleKind kind) =>
        kind.IsMotorVehicle() ? actor.UserId == (driverId ?? bookerId) : BookingAccess.CanSee(actor, bookerId, driverId);

    /// <summary>True when the actor may bring the vehicle back.</summary>
    public static bool MayCheckIn(Actor actor, int bookerId, int? driverId, VehicleKind kind) =>
        kind.IsMotorVehicle() ? actor.UserId == (driverId ?? bookerId) || actor.ManagesFleet : BookingAccess.CanSee(actor, bookerId, driverId);

    /// <summary>
    /// True when the actor may read the site's key-cabinet code for this booking: only a car's or van's driver (the booker when
    /// no one else drives), from the pick-up window's opening until the end, and while the trip is under way (to return the key).
    /// A bike's booker, a booker who does not drive and a fleet manager reading someone else's booking never get it.
    /// </summary>
    public static bool MaySeeKeyCode(Actor actor, int bookerId, int? driverId, VehicleKind kind, BookingStatus status, NodaTime.Instant opens,
        NodaTime.Instant end, NodaTime.Instant now) =>
        kind.IsMotorVehicle() && actor.UserId == (driverId ?? bookerId)
        && (status == BookingStatus.CheckedOut || status == BookingStatus.Reserved && now >= opens && now < end);

    /// <summary>
    /// True when the actor may charge a cost centre owned by <paramref name="ownerUnitId"/>, given
    /// <paramref name="bookerUnits"/>: the booker's department and every unit above it (<see cref="UnitTree.SelfAndAncestors"/>).
    /// </summary>
    public static bool MayCharge(Actor actor, IEnumerable<int> bookerUnits, int ownerUnitId) =>
        actor.ManagesFleet || bookerUnits.Contains(ownerUnitId);

    /// <summary>The booker's department and every unit above it; empty when the booker has no department.</summary>
    internal static async Task<IReadOnlyList<int>> BookerUnitsAsync(FleetPoolDb db, int userId, CancellationToken ct) =>
        await UnitsAboveAsync(db, await db.Users.Where(u => u.Id == userId).Select(u => u.DepartmentId).SingleOrDefaultAsync(ct), ct);

    /// <summary>A department and every unit above it; empty for none.</summary>
    internal static async Task<IReadOnlyList<int>> UnitsAboveAsync(FleetPoolDb db, int? departmentId, CancellationToken ct) =>
        departmentId is { } id ? new UnitTree(await db.OrgUnits.AsNoTracking().ToListAsync(ct)).SelfAndAncestors(id).ToList() : [];
}
