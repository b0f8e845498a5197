using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Notifications;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings.Approvals;

/// <summary>
/// Whether a booking being written needs a yes, asked by the booking gate only (<see cref="BookingGate"/>) inside the write.
/// Invariants: a booking that meets a rule becomes <see cref="BookingStatus.Pending"/> with one undecided request, except a
/// running booking whose extension meets one: it stays checked out and its request carries <see cref="ApprovalRequest.ExtendsFrom"/>
/// (a no puts the end back); the requester never decides their own request — a lead's own goes to the fleet managers when the
/// department has no other lead. Past a holding limit (<see cref="HoldingLimits"/>: hours a week held by the driver, in all
/// and on one vehicle) a booking needs a fleet manager's yes as if a rule said so.
/// </summary>
public sealed class ApprovalCheck(IClock clock, OrganisationTime time, IOptions<ApprovalOptions> options, IOptions<HoldingLimitOptions> limits)
{
    /// <summary>
    /// When the booking meets a rule: sets it Pending (unless running) and returns the request to add once it has an id
    /// (<see cref="Pending.AddAsync"/>). Null when no rule applies. <paramref name="extendsFrom"/> is a running booking's end before the change.
    /// </summary>
    internal async Task<Pending?> CheckAsync(FleetPoolDb db, Booking booking, Fleet.Vehicle vehicle, bool fossilWhileFossilFreeFree, CancellationToken ct,
        Instant? extendsFrom = null)
    {
        var rules = await db.ApprovalRules.AsNoTracking().ToListAsync(ct);
        var weekOf = ApprovalPolicy.WeekOf(booking.Start, time);
        var (monday, nextMonday) = (time.StartOfDay(weekOf), time.StartOfDay(weekOf.PlusDays(7)));
        var (self, person) = (booking.Id, booking.EffectiveDriverId);
        // The week's other trips of the booker (for the rule on bookings a week) and of the driver (for the hours held).
        // Two parts, each read through its own (person, Start) index: the week's trips booked by the booker or the driver, and
        // those others booked for the driver; who drove each is worked out after.
        var week = db.Bookings.AsNoTracking().Where(b => b.Id != self && b.Start >= monday && b.Start < nextMonday
            && BookingStatuses.HoldingSlot.Contains(b.Status) && b.Status != BookingStatus.Maintenance);
        var booker = booking.BookerId;
        var thatWeek = await week.Where(b => b.BookerId == booker || b.BookerId == person)
            .Concat(week.Where(b => b.DriverId == person && b.BookerId != booker && b.BookerId != person))
            .Select(b => new { b.VehicleId, b.Start, b.End, b.BookerId, b.DriverId }).ToListAsync(ct);
        var matching = rules.Count == 0 ? [] : ApprovalPolicy.Matching(new ApprovalFacts(booking.Start, booking.End, vehicle.Kind, fossilWhileFossilFreeFree,
            thatWeek.Count(b => b.BookerId == booking.BookerId) + 1), rules, time);
        var overLimits = HoldingLimits.HoursExceeded(vehicle.Id, booking.Start, booking.End,
            thatWeek.Where(b => (b.DriverId ?? b.BookerId) == person).Select(b => (b.VehicleId, b.Start, b.End)), limits.Value);
        if (matching.Count == 0 && overLimits.Count == 0)
        {
            return null;
        }
        var now = clock.GetCurrentInstant();
        var deadline = now + Duration.FromHours(options.Value.DecisionHours);
        // An extension is decided before the trip was due back; a new booking before it starts.
        var latest = extendsFrom ?? booking.Start;
        if (extendsFrom is null)
        {
            booking.Status = BookingStatus.Pending;
        }
        var department = await db.Users.Where(u => u.Id == booking.BookerId).Select(u => u.DepartmentId).SingleAsync(ct);
        var approver = overLimits.Count > 0 ? ApproverRole.FleetManager : ApprovalPolicy.ApproverFor(matching);
        if (approver == ApproverRole.DepartmentLead && (await LeadsAsync(db, department, ct)).All(id => id == booking.BookerId))
        {
            approver = ApproverRole.FleetManager; // nobody approves their own: with no other lead, the next level decides
        }
        return new Pending(new ApprovalRequest
        {
            Approver = approver, DepartmentId = department, AskedAt = now, Deadline = deadline < latest ? deadline : latest,
            Rules = string.Join(',', matching.Select(ApprovalService.Code).Concat(overLimits)), ExtendsFrom = extendsFrom,
        }, vehicle.Name, time.Format(booking.Start));
    }

    private static async Task<List<int>> LeadsAsync(FleetPoolDb db, int? department, CancellationToken ct) =>
        department is { } d ? await Notices.UsersInRolesAsync(db, [Roles.DepartmentLead], d, ct) : [];

    /// <summary>A request to add once the booking has its id, and who to tell.</summary>
    internal sealed record Pending(ApprovalRequest Request, string VehicleName, string Start)
    {
        /// <summary>Adds the request and the approvers' notices (the department's other leads, else fleet managers), never to the booker.</summary>
        public async Task AddAsync(FleetPoolDb db, Booking booking, CancellationToken ct)
        {
            Request.BookingId = booking.Id;
            db.ApprovalRequests.Add(Request);
            var booker = await db.Users.Where(u => u.Id == booking.BookerId).Select(u => u.DisplayName).SingleAsync(ct);
            var leads = Request.Approver == ApproverRole.DepartmentLead ? await LeadsAsync(db, Request.DepartmentId, ct) : [];
            var approvers = (leads.Count > 0 ? leads : await Notices.UsersInRolesAsync(db, [Roles.FleetManager], null, ct)).Where(id => id != booking.BookerId).ToList();
            if (approvers.Count == 0)
            {
                approvers = await Notices.UsersInRolesAsync(db, [Roles.Admin], null, ct); // the booker is the only fleet manager
            }
            foreach (var id in approvers.Where(id => id != booking.BookerId))
            {
                await Notices.TellAsync(db, id, booking.Id, "approvalAsked", Request.AskedAt, [booker, VehicleName, Start], ct);
            }
        }
    }
}
