using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Steering;

namespace FleetPool.Core.Tests;

public class FuelCatalogTests
{
    [Theory]
    [InlineData(FuelType.Petrol, false)]
    [InlineData(FuelType.Diesel, false)]
    [InlineData(FuelType.Hvo100, true)]
    [InlineData(FuelType.Biogas, true)]
    [InlineData(FuelType.E85, true)]
    [InlineData(FuelType.Electric, true)]
    [InlineData(FuelType.PluginHybrid, true)]
    [InlineData(FuelType.Hydrogen, true)]
    public void IsFossilIndependent_EachFuel_MatchesMiljofordonDefinition(FuelType fuel, bool expected) =>
        Assert.Equal(expected, FuelCatalog.IsFossilIndependent(fuel));

    [Fact]
    public void Of_Hvo100_CarriesCsvFigures()
    {
        var facts = FuelCatalog.Of(FuelType.Hvo100);
        Assert.Equal(37, facts.GramsCo2ePerKm);
        Assert.Equal("l", facts.RefuelUnit);
        Assert.Equal(34.4, facts.MegajoulesPerUnit);
    }

    [Fact]
    public void For_BikeKinds_UseBikeRows()
    {
        Assert.Equal("Bike", FuelCatalog.For(VehicleKind.Bike, null).Key);
        Assert.Equal("EBike", FuelCatalog.For(VehicleKind.EBike, FuelType.Electric).Key);
        Assert.Equal("Electric", FuelCatalog.For(VehicleKind.Car, FuelType.Electric).Key);
    }

    [Fact]
    public void IsFossilIndependent_VehicleChangesFuel_FollowsFuel()
    {
        var v = new Vehicle { Name = "Volvo V60", Kind = VehicleKind.Car, Fuel = FuelType.Diesel };
        Assert.False(v.IsFossilIndependent);
        v.Fuel = FuelType.Hvo100;
        Assert.True(v.IsFossilIndependent);
    }
}

public class InputValidationTests
{
    private static BookingRequest Valid() => new(1, TestFacts.Local(2026, 3, 17, 9), TestFacts.Local(2026, 3, 17, 11), "Möte", "4110", 3);

    [Fact]
    public void Validate_CompleteRequest_NoErrors() => Assert.True(Valid().Validate().IsEmpty);

    [Fact]
    public void Validate_EndEqualsStart_RefusesEnd() =>
        Assert.Contains("end", (Valid() with { End = Valid().Start }).Validate().ToDictionary().Keys);

    [Fact]
    public void Validate_HugePurpose_RefusesPurpose() =>
        Assert.Contains("purpose", (Valid() with { Purpose = new string('x', 10_000) }).Validate().ToDictionary().Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1e12)]
    [InlineData(double.NaN)]
    public void Validate_AbsurdDistance_RefusesDistance(double km) =>
        Assert.Contains("distanceKm", (Valid() with { DistanceKm = km }).Validate().ToDictionary().Keys);

    [Fact]
    public void Validate_NeitherDistanceNorDestination_RefusesDistance() =>
        Assert.Contains("distanceKm", (Valid() with { DistanceKm = null }).Validate().ToDictionary().Keys);

    [Fact]
    public void Validate_ControlCharactersInPurpose_RefusesPurpose() =>
        Assert.Contains("purpose", (Valid() with { Purpose = "a\u0000b" }).Validate().ToDictionary().Keys);

    [Fact]
    public void Validate_UnknownAlternativeAnswer_RefusesField() =>
        Assert.Contains("alternativeCheck", (Valid() with { AlternativeCheck = "maybe" }).Validate().ToDictionary().Keys);

    [Fact]
    public void Validate_NegativeOdometer_RefusesOdometer() =>
        Assert.Contains("odometerKm", new TripReadings(-1).Validate().ToDictionary().Keys);

    [Fact]
    public void Check_OdometerBelowLastReading_RefusesOdometer()
    {
        var car = TestFacts.Car();
        var errors = new TripReadings(999, BatteryPercent: 80).Check(car, 1000).ToDictionary();
        Assert.Contains("1000 km", errors["odometerKm"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ElectricCarWithoutBattery_RefusesBattery() =>
        Assert.Contains("batteryPercent", new TripReadings(1200).Check(TestFacts.Car(), 1000).ToDictionary().Keys);

    [Fact]
    public void Check_E85CarTankedWithPetrol_Allowed()
    {
        var car = new Vehicle { Name = "Ford Kuga FFV", Kind = VehicleKind.Car, Fuel = FuelType.E85 };
        Assert.True(new TripReadings(10, FuelEighths: 4, Refuel: new RefuelInput(FuelType.Petrol, 40)).Check(car, 0).IsEmpty);
    }

    [Fact]
    public void Check_ElectricCarTankedWithDiesel_RefusesFuel() =>
        Assert.Contains("refuel.fuel", new TripReadings(1200, 50, Refuel: new RefuelInput(FuelType.Diesel, 40)).Check(TestFacts.Car(), 1000).ToDictionary().Keys);

    [Fact]
    public void Validate_VehicleCarWithoutFuel_RefusesFuel() =>
        Assert.Contains("fuel", new VehicleInput(VehicleKind.Car, "Yaris", "ABC123", 1, 1, null).Validate().ToDictionary().Keys);

    [Fact]
    public void Validate_BikeWithPetrol_RefusesFuel() =>
        Assert.Contains("fuel", new VehicleInput(VehicleKind.Bike, "Cykel", null, 1, 1, FuelType.Petrol).Validate().ToDictionary().Keys);
}

public class TripAdviceTests
{
    private static readonly SteeringOptions Defaults = new();

    [Theory]
    [InlineData(1.9, "walk")]
    [InlineData(2.0, "bike")]
    [InlineData(4.9, "bike")]
    [InlineData(5.0, "eBike")]
    [InlineData(10.0, "eBike")]
    [InlineData(10.1, "car")]
    public void For_OneWayDistance_SuggestsModeByThreshold(double km, string mode) =>
        Assert.Equal(mode, TripAdvice.For(km, Defaults).SuggestedMode);

    [Fact]
    public void For_NineKilometres_EBikeTakesThirtyMinutes() =>
        Assert.Equal(30, TripAdvice.For(9, Defaults).MinutesByBikeOneWay);
}
