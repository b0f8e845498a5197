using FleetPool.Core.Fleet;
using FleetPool.Core.Fleet.Upkeep;
using NodaTime;

namespace FleetPool.Core.Tests;

/// <summary>What upkeep is due, by the Swedish inspection cycle, the tyre dates and service by date or km (lead 30 days, 1000 km).</summary>
public sealed class UpkeepScheduleTests
{
    private static IReadOnlyList<UpkeepItem> Due(VehicleUpkeep plan, LocalDate today, int odometerKm = 0, Vehicle? vehicle = null)
    {
        var v = vehicle ?? TestFacts.Car();
        v.LastOdometerKm = odometerKm;
        return UpkeepSchedule.Items(v, plan, today, 30, 1000);
    }

    [Theory]
    [InlineData(null, "2026-03-10")]          // never inspected: within 36 months of registration
    [InlineData("2026-02-01", "2028-02-01")]  // the first inspection: the second within 24 months
    [InlineData("2028-01-15", "2029-03-15")]  // any later: within 14 months
    public void InspectionDeadline_RegisteredMarch2023_FollowsTheSwedishCycle(string? lastInspected, string expected)
    {
        var plan = new VehicleUpkeep { FirstRegisteredOn = new LocalDate(2023, 3, 10), LastInspectedOn = lastInspected is null ? null : LocalDate.FromDateTime(DateTime.Parse(lastInspected)) };

        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(expected)), UpkeepSchedule.InspectionDeadline(VehicleKind.Car, plan));
    }

    [Fact]
    public void InspectionDeadline_SetDateOrBike_SetDateWinsAndBikesHaveNone()
    {
        var plan = new VehicleUpkeep { FirstRegisteredOn = new LocalDate(2023, 3, 10), InspectionDueOn = new LocalDate(2026, 1, 31) };

        Assert.Equal(new LocalDate(2026, 1, 31), UpkeepSchedule.InspectionDeadline(VehicleKind.Van, plan));
        Assert.Null(UpkeepSchedule.InspectionDeadline(VehicleKind.EBike, plan));
    }

    [Theory]
    [InlineData(10, 30, 0)]   // service on 2026-11-30: not yet (due from 30 days before, 2026-10-31)
    [InlineData(10, 31, 1)]   // due
    [InlineData(11, 30, 1)]   // the last day: still due
    [InlineData(12, 1, 2)]    // overdue
    public void Items_ServiceByDate_NothingThenDueThenOverdue(int month, int day, int expected)
    {
        var items = Due(new VehicleUpkeep { NextServiceOn = new LocalDate(2026, 11, 30) }, new LocalDate(2026, month, day));

        var level = items.SingleOrDefault(i => i.Kind == UpkeepKind.Service)?.Level;
        Assert.Equal(expected, level is null ? 0 : (int)level + 1);
    }

    [Theory]
    [InlineData(13_999, null)]
    [InlineData(14_000, UpkeepLevel.Due)]
    [InlineData(15_000, UpkeepLevel.Overdue)]
    public void Items_ServiceByKmBeforeItsDate_KmDecides(int odometer, UpkeepLevel? expected)
    {
        var items = Due(new VehicleUpkeep { NextServiceOn = new LocalDate(2027, 6, 1), NextServiceKm = 15_000 }, new LocalDate(2026, 11, 30), odometer);

        Assert.Equal(expected, items.SingleOrDefault(i => i.Kind == UpkeepKind.Service)?.Level);
    }

    [Fact]
    public void Items_ServiceDateOverdueKmFarOff_OverdueWhicheverFirst()
    {
        var item = Assert.Single(Due(new VehicleUpkeep { NextServiceOn = new LocalDate(2026, 11, 1), NextServiceKm = 50_000 }, new LocalDate(2026, 11, 30), 10_000));

        Assert.Equal((UpkeepKind.Service, UpkeepLevel.Overdue, "2026-11-01|50000"), (item.Kind, item.Level, item.Key));
    }

    [Theory]
    [InlineData(TyreSet.Summer, "2026-10-30", null)]
    [InlineData(TyreSet.Summer, "2026-10-31", UpkeepLevel.Due)]            // 30 days before 30 November
    [InlineData(TyreSet.Summer, "2026-12-01", UpkeepLevel.Overdue)]        // winter tyres required from 1 December
    [InlineData(TyreSet.Summer, "2027-03-31", UpkeepLevel.Overdue)]
    [InlineData(TyreSet.Summer, "2027-04-01", null)]                       // spring: summer tyres are right again
    [InlineData(TyreSet.Winter, "2027-03-15", null)]
    [InlineData(TyreSet.Winter, "2027-03-16", UpkeepLevel.Due)]
    [InlineData(TyreSet.Winter, "2027-04-16", UpkeepLevel.Overdue)]        // studs off by 15 April
    [InlineData(TyreSet.Winter, "2026-12-01", null)]
    [InlineData(TyreSet.None, "2026-12-01", null)]
    public void Items_Tyres_SwedishDates(TyreSet tyres, string today, UpkeepLevel? expected)
    {
        var items = Due(new VehicleUpkeep { Tyres = tyres }, LocalDate.FromDateTime(DateTime.Parse(today)));

        Assert.Equal(expected, items.SingleOrDefault(i => i.Kind is UpkeepKind.WinterTyres or UpkeepKind.SummerTyres)?.Level);
    }

    [Fact]
    public void Items_RetiredVehicleOrBikeTyres_NothingDue()
    {
        var plan = new VehicleUpkeep { NextServiceOn = new LocalDate(2026, 1, 1), Tyres = TyreSet.Summer, InsuranceEndsOn = new LocalDate(2026, 1, 1) };

        Assert.Empty(Due(plan, new LocalDate(2026, 12, 5), vehicle: TestFacts.Car(VehicleStatus.Retired)));
        Assert.DoesNotContain(Due(plan, new LocalDate(2026, 12, 5), vehicle: TestFacts.EBike()), i => i.Kind == UpkeepKind.WinterTyres);
    }

    [Fact]
    public void Items_InsuranceAndLeaseEnding_BothDue()
    {
        var items = Due(new VehicleUpkeep { InsuranceEndsOn = new LocalDate(2026, 12, 10), LeaseEndsOn = new LocalDate(2026, 12, 31) }, new LocalDate(2026, 12, 1));

        Assert.Equal([UpkeepKind.Insurance, UpkeepKind.Lease], items.Select(i => i.Kind));
        Assert.All(items, i => Assert.Equal(UpkeepLevel.Due, i.Level));
    }
}
