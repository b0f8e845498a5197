using FleetPool.Core.Common;
using FleetPool.Core.Data;
using FleetPool.Core.Notifications;
using FleetPool.Core.Organisation;
using FleetPool.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FleetPool.Core.Bookings.Approvals;

/// <summary>
/// Approval for exceptions. Fleet managers set the rules; a booking (new, changed, or a series' occurrence) that meets one
/// is written as <see cref="BookingStatus.Pending"/> — it holds its slot — with an <see cref="ApprovalRequest"/> in the same
/// transaction; approvers see a queue and say yes or no (a no needs a reason); undecided at the deadline it lapses. Invariants:
/// a department lead decides only requests for a lead of their own department; fleet managers decide any; the booker is told
/// every outcome; only a Pending booking is decided, once.
/// </summary>
public sealed class ApprovalService(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time, IOptions<ApprovalOptions> options,
    Waitlist.WaitlistService waitlist)
{
    /// <summary>The rules in force (fleet managers).</summary>
    public async Task<Outcome<IReadOnlyList<ApprovalRule>>> RulesAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.ApprovalRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>Adds a rule (fleet managers); it applies to bookings made from now on.</summary>
    public async Task<Outcome<ApprovalRule>> AddRuleAsync(Actor actor, ApprovalRuleInput input, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        var invalid = input.Validate();
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var rule = input.ToRule(clock.GetCurrentInstant());
        db.ApprovalRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return rule;
    }

    /// <summary>Removes a rule (fleet managers); bookings already pending stay pending.</summary>
    public async Task<Outcome<bool>> RemoveRuleAsync(Actor actor, int id, CancellationToken ct = default)
    {
        if (!actor.ManagesFleet)
        {
            return Problem.Forbidden();
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        if (await db.ApprovalRules.FindAsync([id], ct) is not { } rule)
        {
            return Problem.NotFound("ApprovalRule");
        }
        db.ApprovalRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The requests the actor may decide, soonest deadline first.</summary>
    public async Task<Outcome<IReadOnlyList<ApprovalView>>> QueueAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var scope = await Reporting.ReportScope.LimitAsync(db, actor, ct); // as for figures: fleet managers all, a lead their department
        if (scope.Problem is { } problem)
        {
            return problem;
        }
        var rows = await (from a in Decidable(db, scope.Department)
                          join b in db.Bookings on a.BookingId equals b.Id
                          join v in db.Vehicles on b.VehicleId equals v.Id
                          join u in db.Users on b.BookerId equals u.Id
                          join d in db.OrgUnits on a.DepartmentId equals d.Id into ds
                          from d in ds.DefaultIfEmpty()
                          where b.Status == BookingStatus.Pending // a booker may withdraw while it waits
                          orderby a.Deadline
                          select new { a, b.Id, u.DisplayName, Department = d == null ? null : d.Name, v.Name, v.Kind, b.Start, b.End, b.Purpose }).ToListAsync(ct);
        return rows.Select(r => new ApprovalView(r.Id, r.DisplayName, r.Department, r.Name, r.Kind, r.Start, r.End, r.Purpose,
            Describe(r.a.Rules), r.a.Approver, r.a.Deadline)).ToList();
    }

    /// <summary>Approves (the booking becomes Reserved) or declines (cancelled; a reason is required) a pending booking.</summary>
    public async Task<Outcome<BookingView>> DecideAsync(Actor actor, int bookingId, bool approve, string? reason, CancellationToken ct = default)
    {
        var invalid = new FieldErrors().OptionalText(reason, "reason", 500).AddIf(!approve && string.IsNullOrWhiteSpace(reason), "reason", Text.Get("Required"));
        if (!invalid.IsEmpty)
        {
            return Problem.Invalid(invalid);
        }
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            db.ActorId = actor.UserId;
            var scope = await Reporting.ReportScope.LimitAsync(db, actor, ct); // as for figures: fleet managers all, a lead their department
            if (scope.Problem is { } problem)
            {
                return problem;
            }
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            var request = await Decidable(db, scope.Department).SingleOrDefaultAsync(a => a.BookingId == bookingId, ct);
            var booking = request is null ? null : await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.Status == BookingStatus.Pending, ct);
            if (request is null || booking is null)
            {
                return Problem.NotFound("Approval");
            }
            var now = clock.GetCurrentInstant();
            (request.DecidedAt, request.DecidedById, request.Approved, request.Reason) = (now, actor.UserId, approve, reason?.Trim());
            (booking.Status, booking.ClosedAt) = approve ? (BookingStatus.Reserved, (Instant?)null) : (BookingStatus.Cancelled, now);
            var vehicle = await db.Vehicles.Where(v => v.Id == booking.VehicleId).Select(v => v.Name).SingleAsync(ct);
            await Notices.TellAsync(db, booking.BookerId, booking.Id, approve ? "approvalApproved" : "approvalDeclined", now,
                [vehicle, time.Format(booking.Start), reason?.Trim() ?? ""], ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (!approve)
        {
            await waitlist.OfferFreedAsync(ct);
        }
        await using var read = await dbs.CreateDbContextAsync(ct);
        return await BookingQueries.ViewAsync(read, bookingId, ct);
    }

    /// <summary>Cancels pending bookings whose deadline has passed and tells their bookers; returns how many lapsed.</summary>
    public async Task<int> LapseAsync(CancellationToken ct = default)
    {
        int lapsed;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            await using var tx = await WriteTransaction.BeginAsync(db, ct);
            var now = clock.GetCurrentInstant();
            var due = await (from a in db.ApprovalRequests
                             join b in db.Bookings on a.BookingId equals b.Id
                             join v in db.Vehicles on b.VehicleId equals v.Id
                             where a.DecidedAt == null && a.Deadline <= now && b.Status == BookingStatus.Pending
                             select new { a, b, v.Name }).ToListAsync(ct);
            foreach (var x in due)
            {
                (x.a.DecidedAt, x.a.Approved) = (now, false);
                (x.b.Status, x.b.ClosedAt) = (BookingStatus.Cancelled, now);
                await Notices.TellAsync(db, x.b.BookerId, x.b.Id, "approvalLapsed", now, [x.Name, time.Format(x.b.Start)], ct);
            }
            lapsed = due.Count;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        if (lapsed > 0)
        {
            await waitlist.OfferFreedAsync(ct);
        }
        return lapsed;
    }

    /// <summary>
    /// Inside a booking's write: when the booking meets a rule, it becomes Pending and its request and the approvers'
    /// notices are added once it has an id (call <see cref="Pending.AddAsync"/> after the insert). Null when no rule applies.
    /// </summary>
    internal async Task<Pending?> CheckAsync(FleetPoolDb db, Booking booking, Fleet.Vehicle vehicle, bool fossilWhileFossilFreeFree, CancellationToken ct)
    {
        var rules = await db.ApprovalRules.AsNoTracking().ToListAsync(ct);
        if (rules.Count == 0)
        {
            return null;
        }
        var monday = time.StartOfDay(ApprovalPolicy.WeekOf(booking.Start, time));
        var nextMonday = time.StartOfDay(ApprovalPolicy.WeekOf(booking.Start, time).PlusDays(7));
        var self = booking.Id;
        var thatWeek = await db.Bookings.CountAsync(b => b.BookerId == booking.BookerId && b.Id != self && b.Start >= monday && b.Start < nextMonday
            && BookingStatuses.HoldingSlot.Contains(b.Status), ct) + 1;
        var matching = ApprovalPolicy.Matching(new ApprovalFacts(booking.Start, booking.End, vehicle.Kind, fossilWhileFossilFreeFree, thatWeek), rules, time);
        if (matching.Count == 0)
        {
            return null;
        }
        var now = clock.GetCurrentInstant();
        var deadline = now + Duration.FromHours(options.Value.DecisionHours);
        booking.Status = BookingStatus.Pending;
        var department = await db.Users.Where(u => u.Id == booking.BookerId).Select(u => u.DepartmentId).SingleAsync(ct);
        return new Pending(new ApprovalRequest
        {
            Approver = ApprovalPolicy.ApproverFor(matching), DepartmentId = department, AskedAt = now, Deadline = deadline < booking.Start ? deadline : booking.Start,
            Rules = string.Join(',', matching.Select(Code)),
        }, vehicle.Name, time.Format(booking.Start));
    }

    /// <summary>A request to add once the booking has its id, and who to tell.</summary>
    internal sealed record Pending(ApprovalRequest Request, string VehicleName, string Start)
    {
        /// <summary>Adds the request and the approvers' notices (fleet managers, or the department's leads; fleet managers when it has none).</summary>
        public async Task AddAsync(FleetPoolDb db, Booking booking, CancellationToken ct)
        {
            Request.BookingId = booking.Id;
            db.ApprovalRequests.Add(Request);
            var booker = await db.Users.Where(u => u.Id == booking.BookerId).Select(u => u.DisplayName).SingleAsync(ct);
            var leads = Request.Approver == ApproverRole.DepartmentLead && Request.DepartmentId is { } d ? await Notices.UsersInRolesAsync(db, [Roles.DepartmentLead], d, ct) : [];
            var approvers = leads.Count > 0 ? leads : await Notices.UsersInRolesAsync(db, [Roles.FleetManager], null, ct);
            foreach (var id in approvers.Where(id => id != booking.BookerId))
            {
                await Notices.TellAsync(db, id, booking.Id, "approvalAsked", Request.AskedAt, [booker, VehicleName, Start], ct);
            }
        }
    }

    // Fleet managers decide all; a lead only their own department's requests for a lead (null: every request).
    private static IQueryable<ApprovalRequest> Decidable(FleetPoolDb db, int? department) =>
        db.ApprovalRequests.Where(a => a.DecidedAt == null && (department == null || a.Approver == ApproverRole.DepartmentLead && a.DepartmentId == department));

    private static string Code(ApprovalRule r) => r.Kind switch
    {
        ApprovalRuleKind.LongerThan => $"LongerThan:{r.Hours}",
        ApprovalRuleKind.VehicleKind => $"VehicleKind:{r.VehicleKind}",
        ApprovalRuleKind.OutsideHours => $"OutsideHours:{r.FromHour}-{r.ToHour}",
        ApprovalRuleKind.MoreThanPerWeek => $"MoreThanPerWeek:{r.Count}",
        _ => r.Kind.ToString(),
    };

    /// <summary>The rules met, in the reader's language.</summary>
    public static IReadOnlyList<string> Describe(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c =>
    {
        var (kind, value) = c.IndexOf(':', StringComparison.Ordinal) is var i and >= 0 ? (c[..i], c[(i + 1)..]) : (c, "");
        var shown = kind == "VehicleKind" ? Text.Get($"Kind.{value}") : value;
        return Text.Get($"ApprovalRule.{kind}", shown);
    }).ToList();
}
