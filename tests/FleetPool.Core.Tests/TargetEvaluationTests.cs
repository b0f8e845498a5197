using FleetPool.Core.Fleet;
using FleetPool.Core.Reporting;
using FleetPool.Core.Sustainability;
using NodaTime;

namespace FleetPool.Core.Tests;

public class TargetEvaluationTests
{
    private static readonly LocalDate Deadline = new(2025, 12, 31);
    private static readonly LocalDate Today = new(2026, 11, 29);

    private static TargetReading At(int y, int m, int d, double? value, int? vehiclesShort = null) => new(new LocalDate(y, m, d), value, vehiclesShort);

    private static TargetStatus Evaluate(TargetReading[] history, TargetReading? atDeadline, LocalDate? projected = null, LocalDate? today = null) =>
        TargetEvaluation.Evaluate("Fossiloberoende 2025", TargetMetric.FossilIndependentShare, ShareDefinition.Official, 1.0, Deadline,
            history, atDeadline, today ?? Today, projected);

    [Fact]
    public void IsMet_AtTheShareWithinTheDivisionsTolerance_MetJustBelowNot()
    {
        Assert.True(TargetEvaluation.IsMet(0.5, 0.5));
        Assert.True(TargetEvaluation.IsMet(0.5 - 1e-9, 0.5)); // 1/3 × 3 and the like
        Assert.False(TargetEvaluation.IsMet(0.4999, 0.5));
        Assert.False(TargetEvaluation.IsMet(null, 0.5));
    }

    [Fact]
    public void Evaluate_OnTheDeadlineDayItself_NotYetPassedAndNoDeadlineFigures()
    {
        var status = Evaluate([At(2025, 12, 31, 0.8, 2)], At(2025, 12, 31, 0.8, 2), new LocalDate(2026, 6, 30), today: Deadline);

        Assert.False(status.DeadlinePassed);
        Assert.Equal(((TargetReading?)null, (double?)null, (bool?)null), (status.AtDeadline, status.GapAtDeadline, status.MetAtDeadline));
        Assert.Equal(TargetVerdict.OffTrack, status.Verdict); // the plan reaches it after the deadline
    }

    [Fact]
    public void Evaluate_NoReadingsYet_NoDataNotMissed()
    {
        var status = Evaluate([], null);

        Assert.Equal((TargetVerdict.NoData, (double?)null, false), (status.Verdict, status.Value, status.Met));
    }

    [Fact]
    public void Evaluate_PassedWithoutADeadlineReadingButMetBeforeIt_MetNotLate()
    {
        var status = Evaluate([At(2025, 6, 1, 1.0, 0), At(2026, 11, 29, 1.0, 0)], null);

        Assert.Equal((TargetVerdict.Met, false), (status.Verdict, status.ReachedLate));
        Assert.Equal(new LocalDate(2025, 6, 1), status.ReachedOn);
    }

    [Fact]
    public void Evaluate_MetTodayWithAPlanToo_NoProjectionShown()
    {
        var status = Evaluate([At(2025, 6, 1, 1.0, 0)], null, new LocalDate(2025, 9, 30), today: new LocalDate(2025, 6, 1));

        Assert.Equal((TargetVerdict.Met, (LocalDate?)null), (status.Verdict, status.ProjectedOn));
    }

    [Theory]
    [InlineData(TargetMetric.FossilIndependentShare, TargetVerdict.OffTrack)] // the fleet's own target: no plan is off track
    [InlineData(TargetMetric.ZeroEmissionShare, TargetVerdict.Open)]
    public void Evaluate_NotMetNoPlanBeforeTheDeadline_OffTrackOnlyForTheFleetTarget(TargetMetric metric, TargetVerdict expected)
    {
        var status = TargetEvaluation.Evaluate("Mål", metric, ShareDefinition.Official, 1.0, new LocalDate(2030, 12, 31),
            [At(2026, 11, 29, 0.7)], null, Today, null);

        Assert.Equal(expected, status.Verdict);
    }

    [Fact]
    public void Evaluate_MissedAtDeadlineStillMissed_DeadlineValueFirstThenTodayAndPlan()
    {
        // 2025-12-31: 28 of 45 = 62.2 %, 17 short; today 30 of 42 = 71.4 %.
        var deadline = At(2025, 12, 31, 28 / 45.0, 17);
        var status = Evaluate([At(2025, 6, 1, 0.6, 18), deadline, At(2026, 11, 29, 30 / 42.0, 12)], deadline, new LocalDate(2028, 12, 31));

        Assert.Equal(TargetVerdict.Missed, status.Verdict);
        Assert.Equal((false, 37.8, 17), (status.MetAtDeadline, status.GapAtDeadline, status.AtDeadline!.VehiclesShort));
        Assert.Equal((28.6, 12), (status.Gap, status.VehiclesToReplace));
        Assert.Equal(new LocalDate(2028, 12, 31), status.ProjectedOn);
        Assert.Null(status.ReachedOn);
        Assert.False(status.ReachedLate);
    }

    [Fact]
    public void Evaluate_MissedAtDeadlineReachedInMarch_ReachedLateOnThatDate()
    {
        var deadline = At(2025, 12, 31, 0.9, 4);
        var status = Evaluate([At(2025, 6, 1, 1.0, 0), deadline, At(2026, 3, 1, 1.0, 0), At(2026, 11, 29, 1.0, 0)], deadline);

        Assert.Equal(TargetVerdict.MetLate, status.Verdict);
        // Reached in June 2025, lost by the deadline: "reached late" names the date it was reached again, after the deadline.
        Assert.Equal((true, new LocalDate(2026, 3, 1)), (status.ReachedLate, status.ReachedOn));
        Assert.Equal((true, 0.0), (status.Met, status.Gap));
    }

    [Fact]
    public void Evaluate_MetAtDeadlineBelowToday_Lapsed()
    {
        var deadline = At(2025, 12, 31, 1.0, 0);
        var status = Evaluate([deadline, At(2026, 11, 29, 0.95, 1)], deadline);

        Assert.Equal(TargetVerdict.Lapsed, status.Verdict);
        Assert.Equal((true, false, 5.0), (status.MetAtDeadline!.Value, status.Met, status.Gap));
    }

    [Fact]
    public void Evaluate_MetAtDeadlineAndToday_Met()
    {
        var deadline = At(2025, 12, 31, 1.0, 0);
        var status = Evaluate([At(2025, 10, 1, 1.0, 0), deadline, At(2026, 11, 29, 1.0, 0)], deadline);

        Assert.Equal((TargetVerdict.Met, false, new LocalDate(2025, 10, 1)), (status.Verdict, status.ReachedLate, status.ReachedOn));
    }

    [Fact]
    public void Evaluate_NoValueToday_NoDataNeverZeroGap()
    {
        var status = Evaluate([At(2026, 11, 29, null)], null);

        Assert.Equal(TargetVerdict.NoData, status.Verdict);
        Assert.Null(status.Gap);
        Assert.False(status.Met);
    }

    [Fact]
    public void Evaluate_PassedWithoutDeadlineData_MissedWithNoDeadlineReading()
    {
        var status = Evaluate([At(2026, 11, 29, 0.7, 13)], null);

        Assert.Equal(TargetVerdict.Missed, status.Verdict);
        Assert.Null(status.AtDeadline);
        Assert.Null(status.MetAtDeadline);
    }

    [Theory]
    [InlineData(2025, 9, 30, TargetVerdict.OnTrack)]   // the plan reaches it before the deadline
    [InlineData(2026, 3, 31, TargetVerdict.OffTrack)]  // after it
    public void Evaluate_DeadlineAhead_OnOrOffTrackByThePlan(int y, int m, int d, TargetVerdict expected)
    {
        var status = Evaluate([At(2025, 6, 1, 0.8, 9)], null, new LocalDate(y, m, d), today: new LocalDate(2025, 6, 1));

        Assert.Equal(expected, status.Verdict);
        Assert.False(status.DeadlinePassed);
        Assert.Null(status.AtDeadline);
    }

    [Theory]
    [InlineData(0.999999999999, 1.0, true)]  // a division's rounding error is not a miss
    [InlineData(0.99, 1.0, false)]
    [InlineData(null, 0.0, false)]           // no data is never met, not even a 0 % target
    public void IsMet_ValueAndShare_MetWithinTolerance(double? value, double share, bool met) =>
        Assert.Equal(met, TargetEvaluation.IsMet(value, share));

    [Theory]
    [InlineData(1.0, 45, 28, 17)]
    [InlineData(1.0, 42, 42, 0)]
    [InlineData(0.5, 5, 2, 1)]   // 2.5 rounds up to 3 vehicles
    [InlineData(0.5, 4, 3, 0)]   // already above: none
    public void VehiclesShort_ShareAndFleet_VehiclesToAdd(double share, int vehicles, int counted, int expected) =>
        Assert.Equal(expected, TargetEvaluation.VehiclesShort(share, vehicles, counted));
}

public class FossilIndependenceTests
{
    private static Vehicle Car(FuelType fuel, params FuelType[] approved) => new() { Name = "Bil", Kind = VehicleKind.Car, Fuel = fuel, ApprovedFuels = [.. approved] };

    [Theory]
    [InlineData(FuelType.Diesel, new[] { FuelType.Hvo100 }, true, false)]   // approved for HVO100, filled with diesel
    [InlineData(FuelType.Diesel, new FuelType[0], false, false)]
    [InlineData(FuelType.Hvo100, new FuelType[0], true, true)]              // runs on HVO100
    [InlineData(FuelType.Petrol, new[] { FuelType.E85 }, true, false)]      // a flexifuel car recorded as running on petrol
    [InlineData(FuelType.Petrol, new[] { FuelType.Diesel }, false, false)]  // approved only for fossil fuels
    [InlineData(FuelType.Electric, new FuelType[0], true, true)]
    public void Counts_FuelAndApprovals_OfficialByApprovalInPracticeByFuel(FuelType fuel, FuelType[] approved, bool official, bool inPractice)
    {
        var car = Car(fuel, approved);

        Assert.Equal(official, FossilIndependence.Counts(car, ShareDefinition.Official));
        Assert.Equal(inPractice, FossilIndependence.Counts(car, ShareDefinition.InPractice));
    }

    [Fact]
    public void Counts_Bike_AlwaysFossilFreeOutsideTheShare() =>
        Assert.True(FossilIndependence.Counts(new Vehicle { Name = "Cykel", Kind = VehicleKind.Bike }, ShareDefinition.InPractice));
}

public class VehicleHistoryTests
{
    private static readonly Instant March = Instant.FromUtc(2026, 3, 1, 0, 0);

    [Fact]
    public void AsOf_BeforeAndAfterAChange_AttributesInForceThen()
    {
        var car = new Vehicle { Id = 7, Name = "Bil", Kind = VehicleKind.Car, DepartmentId = 2, Fuel = FuelType.Hvo100, ApprovedFuels = [FuelType.Hvo100] };
        VehicleHistoryEntry[] history =
        [
            new() { Id = 1, VehicleId = 7, ValidFrom = null, DepartmentId = 1, Fuel = FuelType.Diesel },
            new() { Id = 2, VehicleId = 7, ValidFrom = March, DepartmentId = 2, Fuel = FuelType.Hvo100, ApprovedFuels = [FuelType.Hvo100] },
        ];

        var february = VehicleHistoryEntry.AsOf(car, history, March);              // the end of 28 February: the change is not yet in force
        var later = VehicleHistoryEntry.AsOf(car, history, March + Duration.FromDays(1));

        Assert.Equal((1, FuelType.Diesel, 0), (february.DepartmentId, february.Fuel, february.ApprovedFuels.Count));
        Assert.Equal((2, FuelType.Hvo100), (later.DepartmentId, later.Fuel));
        Assert.Equal((2, FuelType.Hvo100), (car.DepartmentId, car.Fuel)); // the vehicle itself is untouched
    }

    [Fact]
    public void AsOf_NoHistory_TheVehicleAsItIs()
    {
        var car = new Vehicle { Id = 7, Name = "Bil", Kind = VehicleKind.Car, DepartmentId = 2, Fuel = FuelType.Petrol };
        Assert.Same(car, VehicleHistoryEntry.AsOf(car, [], March));
    }
}

public class EmissionsTests
{
    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 9)]   // 90 %: enough
    public void Choose_EnergyCoversTheDriving_EnergyMethod(int driven, int withEnergy) =>
        Assert.Equal(new Co2eFigure(252.7, Co2eMethod.Energy), Emissions.Choose(252.7, 300, driven, withEnergy));

    [Theory]
    [InlineData(10, 8)]   // depot charging missing: two driven months without energy
    [InlineData(10, 0)]
    [InlineData(null, null)] // an older snapshot without the count
    public void Choose_EnergyDoesNotCoverTheDriving_KmEstimate(int? driven, int? withEnergy) =>
        Assert.Equal(new Co2eFigure(300, Co2eMethod.Distance), Emissions.Choose(252.7, 300, driven, withEnergy));

    [Fact]
    public void Choose_NoEnergyNoTrips_NoDataNotZero() =>
        Assert.Equal(new Co2eFigure(null, null), Emissions.Choose(null, null, 0, 0));
}
