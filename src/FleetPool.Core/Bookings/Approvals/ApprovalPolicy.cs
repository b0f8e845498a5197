using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Core.Bookings.Approvals;

/// <summary>The facts of a booking that the approval rules look at.</summary>
/// <param name="Start">Pick-up.</param>
/// <param name="End">Return.</param>
/// <param name="Kind">The vehicle's kind.</param>
/// <param name="FossilWhileFossilFreeFree">A fossil car while a suitable fossil-free one was free.</param>
/// <param name="BookingsThatWeek">The booker's slot-holding bookings starting in the trip's week, this one included.</param>
public sealed record ApprovalFacts(Instant Start, Instant End, VehicleKind Kind, bool FossilWhileFossilFreeFree, int BookingsThatWeek);

/// <summary>
/// Which approval rules a booking meets, as a pure function: the one definition that booking, changing, series and the
/// pages use. Invariant: no rules, no approval; the approver is a fleet manager when any matching rule says so, else the
/// department lead.
/// </summary>
public static class ApprovalPolicy
{
    /// <summary>The rules the booking meets (empty: it needs no approval).</summary>
    public static IReadOnlyList<ApprovalRule> Matching(ApprovalFacts f, IEnumerable<ApprovalRule> rules, OrganisationTime time) =>
        rules.Where(r => r.Kind switch
        {
            ApprovalRuleKind.LongerThan => r.Hours is { } h && f.End - f.Start > Duration.FromHours(h),
            ApprovalRuleKind.VehicleKind => r.VehicleKind == f.Kind,
            ApprovalRuleKind.OutsideHours => r is { FromHour: { } from, ToHour: { } to } && OutsideHours(f.Start, f.End, from, to, time),
            ApprovalRuleKind.FossilWhileFossilFreeFree => f.FossilWhileFossilFreeFree,
            ApprovalRuleKind.MoreThanPerWeek => r.Count is { } n && f.BookingsThatWeek > n,
            _ => false,
        }).ToList();

    /// <summary>Who decides a booking that meets <paramref name="matching"/> (non-empty).</summary>
    public static ApproverRole ApproverFor(IReadOnlyList<ApprovalRule> matching) =>
        matching.Any(r => r.Approver == ApproverRole.FleetManager) ? ApproverRole.FleetManager : ApproverRole.DepartmentLead;

    /// <summary>The Monday that starts the week of <paramref name="at"/>, local.</summary>
    public static LocalDate WeekOf(Instant at, OrganisationTime time) =>
        time.DateOf(at).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    // Any local day the trip touches that is a weekend or holiday, or a start before / end after working hours.
    private static bool OutsideHours(Instant start, Instant end, int fromHour, int toHour, OrganisationTime time)
    {
        var (s, e) = (time.ToLocal(start).LocalDateTime, time.ToLocal(end).LocalDateTime);
        for (var day = s.Date; day <= e.Date; day = day.PlusDays(1))
        {
            if (day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || SwedishHolidays.NameOf(day) is not null)
            {
                return true;
            }
        }
        var end24 = e.TimeOfDay == LocalTime.Midnight && e.Date > s.Date ? 24 * 60 : e.Hour * 60 + e.Minute;
        return s.Date != e.Date || s.Hour * 60 + s.Minute < fromHour * 60 || end24 > toHour * 60;
    }
}
