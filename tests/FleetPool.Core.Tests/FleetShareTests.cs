using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Reporting;
using FleetPool.Core.Sustainability;
using NodaTime;

namespace FleetPool.Core.Tests;

public class FleetShareCalculatorTests
{
    private static readonly LocalDate Day = new(2026, 6, 30);
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 30, 4, 0);

    // Board "Socialnämnden" (1) with departments "Hemtjänst" (2) and its sub-department "Hemtjänst Norr" (3);
    // board "Kommunstyrelsen" (4) with "Bygglov" (5).
    private static readonly OrgUnit[] Units =
    [
        new() { Id = 1, Name = "Socialnämnden", Kind = OrgUnitKind.Board },
        new() { Id = 2, Name = "Hemtjänst", Kind = OrgUnitKind.Department, ParentId = 1 },
        new() { Id = 3, Name = "Hemtjänst Norr", Kind = OrgUnitKind.Department, ParentId = 2 },
        new() { Id = 4, Name = "Kommunstyrelsen", Kind = OrgUnitKind.Board },
        new() { Id = 5, Name = "Bygglov", Kind = OrgUnitKind.Department, ParentId = 4 },
    ];

    private static Vehicle V(int id, VehicleKind kind, FuelType? fuel, int department, LocalDate? retired = null, LocalDate? acquired = null, FuelType[]? approved = null) => new()
    {
        Id = id, Name = $"V{id}", Kind = kind, Fuel = fuel, DepartmentId = department, ApprovedFuels = [.. approved ?? []],
        AcquiredOn = acquired ?? new LocalDate(2023, 1, 1), RetiredOn = retired, Status = retired is null ? VehicleStatus.Active : VehicleStatus.Retired,
    };

    private static readonly Vehicle[] Fleet =
    [
        V(1, VehicleKind.Car, FuelType.Electric, 2),
        V(2, VehicleKind.Car, FuelType.Petrol, 2),
        V(3, VehicleKind.Van, FuelType.Hvo100, 3),
        V(4, VehicleKind.Car, FuelType.E85, 3),
        V(5, VehicleKind.EBike, FuelType.Electric, 3),                          // a bike: its own line
        V(6, VehicleKind.Car, FuelType.Diesel, 3, retired: new LocalDate(2026, 6, 1)), // retired before the day
        V(7, VehicleKind.Car, FuelType.Diesel, 5, approved: [FuelType.Hvo100]),        // approved for HVO100, runs on diesel
        V(8, VehicleKind.Car, FuelType.Electric, 5, acquired: new LocalDate(2026, 7, 1)), // arrives after the day
    ];

    private static EnergyBought R(int vehicle, FuelType fuel, double amount, int month = 11) => new(vehicle, fuel, amount, month);

    private static readonly EnergyBought[] Tanked =
    [
        R(1, FuelType.Electric, 100),     // 100 kWh × 3.6 MJ = 360 MJ, 98 % fossil-free = 352.8; × 13.1 g = 4.716 kg
        R(4, FuelType.Petrol, 40, 3),     // the E85 car tanked petrol: 40 l × 32.2 = 1288 MJ, 5 % = 64.4; × 88 g = 113.344 kg
        R(4, FuelType.E85, 50, 3),        // 50 l × 22.5 = 1125 MJ, 75 % = 843.75; × 51 g = 57.375 kg
        R(3, FuelType.Hvo100, 30, 0),     // 30 l × 34.4 = 1032 MJ, 100 % = 1032; × 14 g = 14.448 kg
        R(7, FuelType.Diesel, 20, 11),    // 20 l × 35.3 = 706 MJ, 6 % = 42.36; × 89 g = 62.834 kg
        R(5, FuelType.Electric, 10),      // the e-bike's charging: not the fleet's energy (bikes have their own line)
    ];

    private static readonly VehicleTrips[] Trips =
    [
        new(1, 100, 1400, 0),     // recorded at check-in: 100 km, 1.4 kg
        new(2, 50, 0, 50),        // odometer only: 50 km × 167 g (petrol) = 8.35 kg
        new(4, 80, 13360, 0),     // recorded from petrol actually tanked: 80 × 167 = 13.36 kg
        new(5, 12, 7, 0),         // a bike trip: not driving
    ];

    private static FleetShareSnapshot Of(List<FleetShareSnapshot> all, UnitLevel level, int unit) => all.Single(s => s.Level == level && s.UnitId == unit);

    [Fact]
    public void Compute_HandMadeFleet_VehicleShareByUnitWithSubDepartments()
    {
        var all = FleetShareCalculator.Compute(Day, Units, Fleet, Tanked, Trips, Now);

        Assert.Equal(1 + 5, all.Count);
        var org = Of(all, UnitLevel.Organisation, 0);
        // In the fleet on 30 June: cars/vans 1, 2, 3, 4, 7 (6 retired on 1 June, 8 arrives in July) → in practice 3 of 5
        // fossil-independent; officially 4 of 5, as the HVO100-approved diesel 7 counts by approval.
        Assert.Equal((5, 4, 3, 1, 1), (org.Vehicles, org.FossilIndependentOfficial, org.FossilIndependentInPractice, org.ZeroEmission, org.Bikes));
        Assert.Equal(0.8, org.FossilIndependentShare(ShareDefinition.Official)!.Value, 9);
        Assert.Equal(0.6, org.FossilIndependentShare(ShareDefinition.InPractice)!.Value, 9);
        var hemtjanst = Of(all, UnitLevel.Department, 2);   // 1, 2 and, through Hemtjänst Norr, 3 and 4
        Assert.Equal((4, 3, 3), (hemtjanst.Vehicles, hemtjanst.FossilIndependentOfficial, hemtjanst.FossilIndependentInPractice));
        Assert.Equal((2, 2), (Of(all, UnitLevel.Department, 3).Vehicles, Of(all, UnitLevel.Department, 3).FossilIndependentInPractice));
        var kommunstyrelsen = Of(all, UnitLevel.Board, 4);
        Assert.Equal((1, 1, 0), (kommunstyrelsen.Vehicles, kommunstyrelsen.FossilIndependentOfficial, kommunstyrelsen.FossilIndependentInPractice));
        Assert.Equal(0.75, Of(all, UnitLevel.Board, 1).FossilIndependentShare(ShareDefinition.InPractice)!.Value, 9);
    }

    [Fact]
    public void Compute_HandMadeFleet_FossilFreeShareOfEnergyActuallyTanked()
    {
        var org = Of(FleetShareCalculator.Compute(Day, Units, Fleet, Tanked, Trips, Now), UnitLevel.Organisation, 0);

        // Energy 360 + 1288 + 1125 + 1032 + 706 = 4511 MJ; fossil-free 352.8 + 64.4 + 843.75 + 1032 + 42.36 = 2335.31 MJ.
        Assert.Equal(4511, org.EnergyMj, 6);
        Assert.Equal(2335.31, org.FossilFreeEnergyMj, 6);
        Assert.Equal(2335.31 / 4511, org.FossilFreeEnergyShare!.Value, 9); // 51.77 %
        Assert.Equal(3, org.EnergyMonths);    // months 0, 3 and 11 of the window
        Assert.Equal(10, org.BikeChargingKwh); // the e-bike's 10 kWh: its own line, not in the 4511 MJ
        Assert.Equal(1, Of(all(), UnitLevel.Board, 4).EnergyMonths);

        static List<FleetShareSnapshot> all() => FleetShareCalculator.Compute(Day, Units, Fleet, Tanked, Trips, Now);
    }

    [Fact]
    public void Compute_HandMadeFleet_Co2eOfEnergyBoughtWellToWheel()
    {
        var all = FleetShareCalculator.Compute(Day, Units, Fleet, Tanked, Trips, Now);

        // 4.716 + 113.344 + 57.375 + 14.448 + 62.834 = 252.717 kg; Bygglov's diesel alone 62.834.
        Assert.Equal(252.717, Of(all, UnitLevel.Organisation, 0).EnergyCo2eKg, 6);
        Assert.Equal(62.834, Of(all, UnitLevel.Board, 4).EnergyCo2eKg, 6);
        // Driven vehicle-months: cars 1, 2 and 4 in month 11; energy for 1 in month 11, for 4 only in month 3, none for 2.
        Assert.Equal((3, 1), (Of(all, UnitLevel.Organisation, 0).DrivenVehicleMonths, Of(all, UnitLevel.Organisation, 0).DrivenVehicleMonthsWithEnergy));
    }

    [Fact]
    public void Compute_EdgesOfTheDayAndTheMonths_CountedOnceEach()
    {
        OrgUnit[] units =
        [
            new() { Id = 9, Name = "Ö-enheten", Kind = OrgUnitKind.Department },
            new() { Id = 8, Name = "A-enheten", Kind = OrgUnitKind.Department },
            new() { Id = 7, Name = "Nämnden", Kind = OrgUnitKind.Board },
        ];
        Vehicle[] fleet =
        [
            V(1, VehicleKind.Car, FuelType.Electric, 8, acquired: Day),                 // acquired on the day itself: in the fleet
            V(2, VehicleKind.Car, FuelType.Petrol, 9),
            V(3, VehicleKind.EBike, FuelType.Electric, 8),
        ];
        EnergyBought[] energy =
        [
            R(1, FuelType.Electric, 0, month: 2),     // a zero record covers no month
            R(2, FuelType.Petrol, 40, month: 5),
            R(3, FuelType.Electric, 12), R(3, FuelType.Electric, 8, month: 10), // a bike's charging: summed on its own line
            R(3, FuelType.Petrol, 5),                 // not charging, whatever the record says
        ];
        VehicleTrips[] trips =
        [
            new(2, 30, 0, 30, Month: 5), new(2, 20, 0, 20, Month: 5), // two trips in one month: one month driven
            new(1, 0, 0, 0, Month: 7),                                 // no km: no month
            new(1, 10, 0, 10, Month: 4),
        ];

        var all = FleetShareCalculator.Compute(Day, units, fleet, energy, trips, Now);
        var org = Of(all, UnitLevel.Organisation, 0);

        Assert.Equal(["", "Nämnden", "A-enheten", "Ö-enheten"], all.Select(s => s.UnitName)); // organisation, boards, departments by name
        Assert.Equal((2, 1), (org.Vehicles, org.Bikes));
        Assert.Equal((1, 2, 2), (org.EnergyMonths, org.KmMonths, org.DrivenVehicleMonths)); // months 5 and 4; vehicle 2 in 5, vehicle 1 in 4
        Assert.Equal(1, org.DrivenVehicleMonthsWithEnergy); // vehicle 2's month 5 has its petrol
        Assert.Equal(20.0, org.BikeChargingKwh);
        Assert.Equal(20.0, Of(all, UnitLevel.Department, 8).BikeChargingKwh);
        Assert.Null(Of(all, UnitLevel.Department, 9).BikeChargingKwh); // no bike there: no data, not 0
        Assert.Equal((1, 1, 1), (Of(all, UnitLevel.Department, 9).KmMonths, Of(all, UnitLevel.Department, 8).KmMonths, Of(all, UnitLevel.Department, 9).EnergyMonths));
    }

    [Fact]
    public void Compute_NoEnergyNoTrips_NoDataNotZero()
    {
        var all = FleetShareCalculator.Compute(Day, Units, Fleet, [], [], Now);
        var org = Of(all, UnitLevel.Organisation, 0);

        Assert.Null(org.FossilFreeEnergyShare);
        Assert.False(org.HasTrips);
        Assert.Equal((0, 0), (org.EnergyMonths, org.KmMonths));
        Assert.Null(org.BikeChargingKwh);
    }

    [Theory]
    [InlineData(2026, 6, 30, 11)]   // the date itself: the last month
    [InlineData(2026, 5, 31, 11)]   // a month back plus a day: 31 May–30 June is month 11
    [InlineData(2026, 5, 30, 10)]
    [InlineData(2025, 7, 1, 0)]     // the first day of the window
    [InlineData(2025, 6, 30, -1)]   // the day before it: outside
    [InlineData(2026, 7, 1, -1)]    // after the date: outside
    public void MonthOf_DayInWindow_MonthIndex(int y, int m, int d, int month) =>
        Assert.Equal(month, FleetShareCalculator.MonthOf(Day, new LocalDate(y, m, d)));

    [Fact]
    public void Compute_HandMadeFleet_Co2eOfDrivingFromFuelActuallyUsed()
    {
        var all = FleetShareCalculator.Compute(Day, Units, Fleet, Tanked, Trips, Now);
        var org = Of(all, UnitLevel.Organisation, 0);

        // Cars and vans only: 100 + 50 + 80 = 230 km; 1.4 + 8.35 + 13.36 = 23.11 kg.
        Assert.Equal((230.0, 23.11), (org.Km, org.Co2eKg));
        Assert.Equal(1.4, Of(all, UnitLevel.Department, 2).Co2eKg - 8.35 - 13.36, 9);
        Assert.Equal(0, Of(all, UnitLevel.Board, 4).Co2eKg);
    }
}

public class PhaseOutTests
{
    private static Vehicle Car(int id, FuelType fuel, LocalDate? planned = null, FuelType? replacement = null) => new()
    {
        Id = id, Name = $"Bil {id}", Kind = VehicleKind.Car, Fuel = fuel, PlannedRetirementOn = planned, ReplacementFuel = replacement,
        ApprovedFuels = fuel == FuelType.Diesel ? [FuelType.Hvo100] : [],
    };

    [Fact]
    public void Project_PlanReplacesTwoAndRemovesOne_ReachesAllFossilFreeInMay()
    {
        // Five cars, two fossil-free (40 %): petrol replaced by electric in March, diesel switched to HVO100 in May,
        // the second petrol removed in April.
        Vehicle[] cars =
        [
            Car(1, FuelType.Electric), Car(2, FuelType.Biogas),
            Car(3, FuelType.Petrol, new LocalDate(2027, 3, 15), FuelType.Electric),
            Car(4, FuelType.Petrol, new LocalDate(2027, 4, 1)),
            Car(5, FuelType.Diesel, new LocalDate(2027, 5, 31), FuelType.Hvo100),
        ];

        var months = PhaseOut.Project(cars, new LocalDate(2027, 1, 10), new LocalDate(2027, 6, 1), ShareDefinition.InPractice);

        Assert.Equal(6, months.Count); // January to June month ends
        // Officially the HVO100-approved diesel counts from the start: 3/5 in January.
        Assert.Equal(3, PhaseOut.Project(cars, new LocalDate(2027, 1, 10), new LocalDate(2027, 6, 1), ShareDefinition.Official)[0].FossilIndependent);
        Assert.Equal((5, 2), (months[0].Vehicles, months[0].FossilIndependent));  // 31 Jan: 2/5
        Assert.Equal((5, 3), (months[2].Vehicles, months[2].FossilIndependent));  // 31 Mar: car 3 replaced → 3/5
        Assert.Equal((4, 3), (months[3].Vehicles, months[3].FossilIndependent));  // 30 Apr: car 4 gone → 3/4
        Assert.Equal((4, 4, 1.0), (months[4].Vehicles, months[4].FossilIndependent, months[4].Share)); // 31 May: 4/4
        Assert.Equal(new LocalDate(2027, 5, 31), months.First(m => m.Share >= 1).Month);
    }

    [Theory]
    [InlineData(FuelType.Petrol, 0.05, PhaseOutAdvice.Remove)]
    [InlineData(FuelType.Diesel, 0.40, PhaseOutAdvice.SwitchToHvo100)]
    [InlineData(FuelType.Petrol, 0.40, PhaseOutAdvice.ReplaceWithElectric)]
    [InlineData(FuelType.Petrol, 0.15, PhaseOutAdvice.ReplaceWithElectric)] // exactly at the threshold: not "low"
    public void Advise_UseAndFuel_RemoveSwitchOrElectric(FuelType fuel, double utilisation, PhaseOutAdvice expected) =>
        Assert.Equal(expected, PhaseOut.Advise(Car(1, fuel), utilisation));

    [Fact]
    public void Advise_DieselNotApprovedForHvo100_ReplaceWithElectric()
    {
        var diesel = Car(1, FuelType.Diesel);
        diesel.ApprovedFuels.Clear();

        Assert.Equal(PhaseOutAdvice.ReplaceWithElectric, PhaseOut.Advise(diesel, 0.40));
    }

    [Fact]
    public void SavedKg_PetrolReplacedByElectric_KmTimesTheGramsDifference()
    {
        var petrol = Car(1, FuelType.Petrol);
        var expected = 10_000 * (FuelCatalog.For(VehicleKind.Car, FuelType.Petrol).GramsCo2ePerKm - FuelCatalog.Of(FuelType.Electric).GramsCo2ePerKm) / 1000;

        Assert.Equal(expected, PhaseOut.SavedKg(petrol, 10_000, FuelType.Electric), 9);
        Assert.True(expected > 500, "a petrol car's 10,000 km emit over half a tonne more than an electric one's");
    }

    [Theory]
    [InlineData(5, 2, false, 2 / 4.0, 3 / 5.0)] // a petrol car of five, two fossil-free
    [InlineData(5, 3, true, 2 / 4.0, 3 / 5.0)]  // an HVO100-approved diesel that counts officially: leaving takes its count along
    [InlineData(2, 0, false, 0.0, 1 / 2.0)]
    [InlineData(1, 0, false, 1.0, 1.0)]         // the only vehicle: no fossil vehicle left either way
    public void ShareIfRemovedOrReplaced_FleetAndCount_FOverVMinusOneAndFPlusOneOverV(int vehicles, int fossilFree, bool counted, double removed, double replaced)
    {
        Assert.Equal(removed, PhaseOut.ShareIfRemoved(vehicles, fossilFree, counted), 9);
        Assert.Equal(replaced, PhaseOut.ShareIfReplaced(vehicles, fossilFree, counted), 9);
    }

    [Fact]
    public void Utilisation_TripsInAndAcrossTheWindow_HoursFromTheWindowStartOverWorkingHours()
    {
        var windowStart = Instant.FromUtc(2026, 3, 1, 0, 0);
        (Instant, Instant)[] trips =
        [
            (windowStart + Duration.FromHours(10), windowStart + Duration.FromHours(13)),  // 3 h
            (windowStart - Duration.FromHours(5), windowStart + Duration.FromHours(2)),    // began before: 2 h count, not 7
        ];

        Assert.Equal(5 / PhaseOut.WorkingHoursIn90Days, PhaseOut.Utilisation(trips, windowStart), 12);
        Assert.Equal(642.857, PhaseOut.WorkingHoursIn90Days, 3); // 90 days × 5/7 working days × 10 h
    }

    [Fact]
    public void Utilisation_OutMoreHoursThanTheWorkingHours_CappedAtOne()
    {
        var windowStart = Instant.FromUtc(2026, 3, 1, 0, 0);
        var allQuarter = (windowStart, windowStart + Duration.FromDays(90)); // 2,160 h out, more than the working hours

        Assert.Equal(1.0, PhaseOut.Utilisation([allQuarter], windowStart));
        Assert.Equal(0.0, PhaseOut.Utilisation([], windowStart));
    }

    [Fact]
    public void Project_VehicleRetiredBeforeTheMonthEnd_LeftOutAndAnEmptyFleetIsZero()
    {
        var retired = Car(1, FuelType.Petrol);
        retired.RetiredOn = new LocalDate(2027, 1, 31); // gone on the month's last day: not counted at its end
        var kept = Car(2, FuelType.Electric);
        kept.RetiredOn = new LocalDate(2027, 2, 1);

        var months = PhaseOut.Project([retired, kept], new LocalDate(2027, 1, 10), new LocalDate(2027, 2, 28));

        Assert.Equal((1, 1, 1.0), (months[0].Vehicles, months[0].FossilIndependent, months[0].Share));
        Assert.Equal((0, 0, 0.0), (months[1].Vehicles, months[1].FossilIndependent, months[1].Share));
    }
}

public class TariffTests
{
    private static readonly Tariff Car = new() { PerHour = 95, PerDay = 450, PerKm = 1 };

    [Theory]
    [InlineData(180, 42, 327)]      // 3 h × 95 + 42 km × 1
    [InlineData(30, 3.5, 98.5)]     // a started hour: 95 + 3.5
    [InlineData(30 * 60, 100, 1000)] // 30 h: two started days (900) beat 30 × 95 (2850); + 100
    [InlineData(5 * 60, 0, 450)]    // 5 h would be 475; the day rate caps it
    public void For_DurationAndKm_CheaperOfHoursOrDaysPlusKm(int minutes, double km, decimal sek) =>
        Assert.Equal(sek, Car.For(Duration.FromMinutes(minutes), km));
}
