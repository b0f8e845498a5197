using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using NodaTime;
using static FleetPool.Core.Tests.TestFacts;

namespace FleetPool.Core.Tests;

public class TripReadingsTests
{
    private static readonly BookingRuleDefaults Limits = new();

    private static Vehicle ElectricCar() { var car = Car(); car.LastOdometerKm = 9_000; car.RangeKm = 400; return car; }

    [Fact]
    public void CheckIn_HalfHourAndMillionsOfKm_RefusesOdometer() =>
        Assert.Contains("odometerKm", new TripReadings(1_999_999, BatteryPercent: 40).CheckIn(ElectricCar(), 9_000, Duration.FromMinutes(30), Limits).ToDictionary().Keys);

    [Theory]
    [InlineData(70, true)]   // 130 km/h × 0.5 h + 5 km allowance
    [InlineData(71, false)]
    public void CheckIn_KmAgainstSpeedTimesTime_AllowedUpToTheLimit(int km, bool allowed) =>
        Assert.Equal(allowed, new TripReadings(9_000 + km, BatteryPercent: 40).CheckIn(ElectricCar(), 9_000, Duration.FromMinutes(30), Limits).IsEmpty);

    [Fact]
    public void CheckIn_DayLongTripBeyondRangeWithoutRefuel_RefusedWithRefuelAllowed()
    {
        var day = Duration.FromHours(10);
        Assert.False(new TripReadings(9_500, BatteryPercent: 20).CheckIn(ElectricCar(), 9_000, day, Limits).IsEmpty);
        Assert.True(new TripReadings(9_500, BatteryPercent: 20, Refuel: new RefuelInput(FuelType.Electric, 60)).CheckIn(ElectricCar(), 9_000, day, Limits).IsEmpty);
    }

    [Fact]
    public void CheckIn_RefuelBeyondBattery_RefusesAmount() =>
        Assert.Contains("refuel.amount", new TripReadings(9_010, BatteryPercent: 40, Refuel: new RefuelInput(FuelType.Electric, 400))
            .CheckIn(ElectricCar(), 9_000, Duration.FromHours(1), Limits).ToDictionary().Keys);

    [Fact]
    public void CheckOut_FarAboveLastReading_RefusesOdometer()
    {
        Assert.Contains("odometerKm", new TripReadings(10_001, BatteryPercent: 90).CheckOut(ElectricCar(), Limits).ToDictionary().Keys);
        Assert.True(new TripReadings(10_000, BatteryPercent: 90).CheckOut(ElectricCar(), Limits).IsEmpty);
    }

    [Theory]
    [InlineData(VehicleKind.Car, FuelType.Petrol, FuelType.Petrol, 100.0)]
    [InlineData(VehicleKind.Van, FuelType.Diesel, FuelType.Hvo100, 150.0)]
    [InlineData(VehicleKind.Car, FuelType.PluginHybrid, FuelType.Electric, 40.0)]
    [InlineData(VehicleKind.EBike, FuelType.Electric, FuelType.Electric, 3.0)]
    [InlineData(VehicleKind.Car, FuelType.Biogas, FuelType.Biogas, 40.0)]
    public void Capacity_KindAndFuel_GenerousUpperBound(VehicleKind kind, FuelType fuel, FuelType tanked, double expected) =>
        Assert.Equal(expected, RefuelInput.Capacity(new Vehicle { Name = "x", Kind = kind, Fuel = fuel }, tanked));
}
