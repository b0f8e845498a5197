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
/// a department lead decides only requests for a lead of their own department; fleet managers decide any; nobody decides a
/// request for their own booking; the booker is told every outcome; only a Pending booking (or a running trip's extension) is
/// decided, once. Whether a booking needs a yes is <see cref="ApprovalCheck"/>'s, asked by the booking gate.
/// </summary>
public sealed class ApprovalService(IDbContextFactory<FleetPoolDb> dbs, IClock clock, OrganisationTime time,
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
                          where (b.Status == BookingStatus.Pending || a.ExtendsFrom != null && b.Status == BookingStatus.CheckedOut) // a booker may withdraw while it waits
                              && b.BookerId != actor.UserId // nobody decides their own
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
            var booking = request is null ? null : await db.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId
                && (b.Status == BookingStatus.Pending || request.ExtendsFrom != null && b.Status == BookingStatus.CheckedOut), ct);
            if (request is null || booking is null)
            {
                return Problem.NotFound("Approval");
            }
            if (booking.BookerId == actor.UserId)
            {
                return Problem.Refused("bookingId", Text.Get("ApproveOwn"));
            }
            var now = clock.GetCurrentInstant();
            (request.DecidedAt, request.DecidedById, request.Approved, request.Reason) = (now, actor.UserId, approve, reason?.Trim());
            if (approve)
            {
                (booking.Status, booking.ClosedAt) = request.ExtendsFrom is null ? (BookingStatus.Reserved, (Instant?)null) : (booking.Status, booking.ClosedAt);
            }
            else
            {
                Undo(request, booking, now);
            }
            var vehicle = await db.Vehicles.Where(v => v.Id == booking.VehicleId).Select(v => v.Name).SingleAsync(ct);
            var (kind, when) = approve ? ("approvalApproved", booking.Start) : request.ExtendsFrom is null ? ("approvalDeclined", booking.Start) : ("extensionDeclined", booking.End);
            await Notices.TellAsync(db, booking.BookerId, booking.Id, kind, now, [vehicle, time.Format(when), reason?.Trim() ?? ""], ct);
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
                             where a.DecidedAt == null && a.Deadline <= now && (b.Status == BookingStatus.Pending || a.ExtendsFrom != null)
                             select new { a, b, v.Name }).ToListAsync(ct);
            foreach (var x in due)
            {
                (x.a.DecidedAt, x.a.Approved) = (now, false);
                Undo(x.a, x.b, now);
                var (kind, when) = x.a.ExtendsFrom is null ? ("approvalLapsed", x.b.Start) : ("extensionLapsed", x.b.End);
                await Notices.TellAsync(db, x.b.BookerId, x.b.Id, kind, now, [x.Name, time.Format(when)], ct);
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

    // Fleet managers decide all; a lead only their own department's requests for a lead (null: every request).
    private static IQueryable<ApprovalRequest> Decidable(FleetPoolDb db, int? department) =>
        db.ApprovalRequests.Where(a => a.DecidedAt == null && (department == null || a.Approver == ApproverRole.DepartmentLead && a.DepartmentId == department));

    // A no: a pending booking is cancelled; an extension of a trip still under way is taken back to the end it had.
    private static void Undo(ApprovalRequest request, Booking booking, Instant now)
    {
        if (request.ExtendsFrom is not { } end)
        {
            (booking.Status, booking.ClosedAt) = (BookingStatus.Cancelled, now);
        }
        else if (booking.Status == BookingStatus.CheckedOut && end < booking.End)
        {
            (booking.End, booking.BlockedUntil) = (end, end + (booking.BlockedUntil - booking.End));
        }
    }

    /// <summary>The code a matching rule is stored under in <see cref="ApprovalRequest.Rules"/>.</summary>
    internal static string Code(ApprovalRule r) => r.Kind switch
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
