using FleetPool.Core.Bookings.Approvals;
using FleetPool.Core.Fleet;
using FleetPool.Core.Time;
using NodaTime;

namespace FleetPool.Core.Tests;

/// <summary>Which approval rules a booking meets, worked out by hand in Stockholm time.</summary>
public sealed class ApprovalPolicyTests
{
    private static readonly OrganisationTime Time = OrganisationTime.FromZoneId(OrganisationTime.DefaultZoneId);

    private static Instant At(int month, int day, int hour) => Time.Resolve(new LocalDateTime(2026, month, day, hour, 0)).Instant!.Value;

    private static ApprovalFacts Trip(Instant start, Instant end, VehicleKind kind = VehicleKind.Car, bool fossil = false, int week = 1) => new(start, end, kind, fossil, week);

    [Fact]
    public void Matching_NoRules_NothingNeedsApproval()
    {
        Assert.Empty(ApprovalPolicy.Matching(Trip(At(3, 17, 9), At(3, 20, 9)), [], Time));
    }

    [Theory]
    [InlineData(8, 17, 0)]   // exactly nine hours is not longer than nine
    [InlineData(8, 18, 1)]
    public void Matching_LongerThan_StrictlyLonger(int fromHour, int toHour, int expected)
    {
        var rule = new ApprovalRule { Kind = ApprovalRuleKind.LongerThan, Hours = 9 };

        Assert.Equal(expected, ApprovalPolicy.Matching(Trip(At(3, 17, fromHour), At(3, 17, toHour)), [rule], Time).Count);
    }

    [Fact]
    public void Matching_VanRule_VanOnly()
    {
        var rule = new ApprovalRule { Kind = ApprovalRuleKind.VehicleKind, VehicleKind = VehicleKind.Van };

        Assert.Single(ApprovalPolicy.Matching(Trip(At(3, 17, 9), At(3, 17, 10), VehicleKind.Van), [rule], Time));
        Assert.Empty(ApprovalPolicy.Matching(Trip(At(3, 17, 9), At(3, 17, 10), VehicleKind.Car), [rule], Time));
    }

    [Theory]
    [InlineData(3, 17, 9, 3, 17, 16, false)] // Tuesday within 08–17
    [InlineData(3, 17, 7, 3, 17, 9, true)]   // starts before 08
    [InlineData(3, 17, 15, 3, 17, 18, true)] // ends after 17
    [InlineData(3, 21, 10, 3, 21, 12, true)] // Saturday
    [InlineData(4, 3, 10, 4, 3, 12, true)]   // Good Friday
    [InlineData(3, 17, 9, 3, 18, 9, true)]   // overnight
    public void Matching_OutsideHours_WeekendsHolidaysNightsAndEdges(int m1, int d1, int h1, int m2, int d2, int h2, bool expected)
    {
        var rule = new ApprovalRule { Kind = ApprovalRuleKind.OutsideHours, FromHour = 8, ToHour = 17 };

        Assert.Equal(expected, ApprovalPolicy.Matching(Trip(At(m1, d1, h1), At(m2, d2, h2)), [rule], Time).Count == 1);
    }

    [Fact]
    public void Matching_MoreThanPerWeek_CountsThisOne()
    {
        var rule = new ApprovalRule { Kind = ApprovalRuleKind.MoreThanPerWeek, Count = 3 };

        Assert.Empty(ApprovalPolicy.Matching(Trip(At(3, 17, 9), At(3, 17, 10), week: 3), [rule], Time));
        Assert.Single(ApprovalPolicy.Matching(Trip(At(3, 17, 9), At(3, 17, 10), week: 4), [rule], Time));
    }

    [Fact]
    public void ApproverFor_AnyFleetManagerRule_FleetManagerDecides()
    {
        var lead = new ApprovalRule { Kind = ApprovalRuleKind.LongerThan, Hours = 1, Approver = ApproverRole.DepartmentLead };
        var fleet = new ApprovalRule { Kind = ApprovalRuleKind.FossilWhileFossilFreeFree, Approver = ApproverRole.FleetManager };

        Assert.Equal(ApproverRole.DepartmentLead, ApprovalPolicy.ApproverFor([lead]));
        Assert.Equal(ApproverRole.FleetManager, ApprovalPolicy.ApproverFor([lead, fleet]));
    }

    [Fact]
    public void WeekOf_Sunday_ThatWeeksMonday()
    {
        Assert.Equal(new LocalDate(2026, 3, 16), ApprovalPolicy.WeekOf(At(3, 22, 20), Time));
    }
}
