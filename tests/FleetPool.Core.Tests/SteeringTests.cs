using NodaTime;
using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Steering;
using Microsoft.Extensions.Options;

namespace FleetPool.Core.Tests;

public class DistanceTests
{
    // 3.0 km along a meridian: 3.0 / 6371.0088 rad = 0.0269796°.
    private static readonly GeoPoint Kommunalhuset = new(59.2371, 17.9817);
    private static readonly GeoPoint ThreeKmNorth = new(59.2371 + 3.0 / HaversineDistance.EarthRadiusKm * 180 / Math.PI, 17.9817);

    [Fact]
    public void StraightKm_ThreeKilometresAlongMeridian_ThreePointZero() =>
        Assert.Equal(3.0, HaversineDistance.StraightKm(Kommunalhuset, ThreeKmNorth), 6);

    [Fact]
    public void RoadKm_ThreeKilometresStraight_TimesDetourIs4Point02() =>
        Assert.Equal(4.02, new HaversineDistance(Options.Create(new SteeringOptions())).RoadKm(Kommunalhuset, ThreeKmNorth), 6);

    [Fact]
    public void StraightKm_StockholmToGothenburg_AboutFourHundredKm()
    {
        // Published great-circle distance between the two city centres: about 398 km.
        var km = HaversineDistance.StraightKm(new GeoPoint(59.3293, 18.0686), new GeoPoint(57.7089, 11.9746));
        Assert.InRange(km, 395, 400);
        Assert.Equal(km, HaversineDistance.StraightKm(new GeoPoint(57.7089, 11.9746), new GeoPoint(59.3293, 18.0686)), 9);
    }
}

public class ModeAdviceTests
{
    private static readonly SteeringOptions Defaults = new();

    [Fact]
    public void For_RoadEstimate4Point02_BikeAndEBikeWithTimesAndCo2()
    {
        var advice = TripAdvice.For(4.02, Defaults, FuelType.Electric);

        Assert.Equal(["bike", "eBike"], advice.Modes.Select(m => m.Mode));
        var eBike = advice.Modes[1];
        Assert.Equal(13.4, eBike.OneWayMinutes);          // 4.02 / 18 × 60 = 13.40
        Assert.Equal(26.8, eBike.RoundTripMinutes);
        Assert.Equal(8.04, eBike.RoundTripKm, 9);
        Assert.Equal(4.824, eBike.Co2eGrams, 9);          // 8.04 km × 0.6 g/km
        Assert.Equal(112.56 - 4.824, eBike.Co2eSavedGrams, 9); // electric car 8.04 × 14 = 112.56
        Assert.Equal(14.4, advice.Modes[0].OneWayMinutes); // 4.02 / 16.8 × 60 = 14.357
        Assert.Equal(0, advice.Modes[0].Co2eGrams);
        Assert.Equal((FuelType.Electric, 8.0, 16.0), (advice.Car!.Fuel, advice.Car.OneWayMinutes, advice.Car.RoundTripMinutes)); // 4.02 / 30 × 60 = 8.04
        Assert.Equal("bike", advice.SuggestedMode);
    }

    [Fact]
    public void For_NoCarKnown_ComparesWithPetrolReference()
    {
        var advice = TripAdvice.For(3, Defaults);

        Assert.Equal(FuelType.Petrol, advice.Car!.Fuel);
        Assert.Equal(6 * 167.0, advice.Car.Co2eGrams, 9); // 6 km × 167 g/km
    }

    [Theory]
    [InlineData(1.5, new[] { "walk", "bike", "eBike" })]
    [InlineData(2.0, new[] { "bike", "eBike" })]
    [InlineData(5.0, new[] { "eBike" })]
    [InlineData(10.0, new[] { "eBike" })]
    [InlineData(10.01, new string[0])]
    public void For_Distance_ModesByThresholdOnOneWayDistance(double km, string[] modes)
    {
        var advice = TripAdvice.For(km, Defaults);
        Assert.Equal(modes, advice.Modes.Select(m => m.Mode));
        Assert.Equal(modes.Length > 0, advice.FavoursBike());
    }

    [Fact]
    public void For_UnknownDistance_NoModesNoCar()
    {
        var advice = TripAdvice.For(null, Defaults);
        Assert.Empty(advice.Modes);
        Assert.Null(advice.Car);
        Assert.Null(advice.SuggestedMode);
    }

    [Fact]
    public void FuelRank_DefaultOrder_ElectricFirstFossilLast()
    {
        Assert.Equal(0, Defaults.FuelRank(FuelType.Electric));
        Assert.True(Defaults.FuelRank(FuelType.Biogas) < Defaults.FuelRank(FuelType.Hvo100));
        Assert.True(Defaults.FuelRank(FuelType.PluginHybrid) < Defaults.FuelRank(FuelType.Petrol));
        Assert.Equal(Defaults.FuelRank(FuelType.Petrol), Defaults.FuelRank(FuelType.Diesel));
        var hvoFirst = new SteeringOptions { FossilFreeOrder = [FuelType.Hvo100, FuelType.Electric] };
        Assert.True(hvoFirst.FuelRank(FuelType.Hvo100) < hvoFirst.FuelRank(FuelType.Electric));
        Assert.True(hvoFirst.FuelRank(FuelType.Biogas) < hvoFirst.FuelRank(FuelType.Petrol));
    }
}

public class CarReasonTests
{
    private static readonly SteeringOptions Defaults = new();

    [Theory]
    [InlineData(VehicleKind.Car, 10.0, true)]
    [InlineData(VehicleKind.Van, 3.0, true)]
    [InlineData(VehicleKind.Car, 10.1, false)]
    [InlineData(VehicleKind.EBike, 3.0, false)]
    public void Required_KindAndDistance_OnlyMotorVehiclesWithinEBikeThreshold(VehicleKind kind, double km, bool required) =>
        Assert.Equal(required, CarReasons.Required(kind, km, Defaults));

    [Fact]
    public void SuitsAsFossilFree_SeatsRangeAndFuel_AllMustHold()
    {
        var electric = new Vehicle { Name = "Kia", Kind = VehicleKind.Car, Fuel = FuelType.Electric, Seats = 5, RangeKm = 100 };
        Assert.True(CarReasons.SuitsAsFossilFree(electric, 4, 50));
        Assert.False(CarReasons.SuitsAsFossilFree(electric, 6, 10));  // too few seats
        Assert.False(CarReasons.SuitsAsFossilFree(electric, 1, 51));  // 102 km round trip > 100 km range
        Assert.False(CarReasons.SuitsAsFossilFree(new Vehicle { Name = "Golf", Kind = VehicleKind.Car, Fuel = FuelType.Petrol, Seats = 5 }, 1, 10));
        Assert.False(CarReasons.SuitsAsFossilFree(new Vehicle { Name = "Elcykel", Kind = VehicleKind.EBike, Fuel = FuelType.Electric, Seats = 1 }, 1, 3));
    }

    [Fact]
    public void Actual_CarWithRefuelOfOtherFuel_UsesTankedFuelsFactor()
    {
        var e85 = new Vehicle { Name = "Flexi", Kind = VehicleKind.Car, Fuel = FuelType.E85 };
        var trip = new Booking { Purpose = "x", OdometerOutKm = 1000, OdometerInKm = 1042 };

        Assert.Equal((42.0, 42 * 167.0), TripSteering.Actual(e85, trip, FuelType.Petrol)); // tanked petrol: 167 g/km
        Assert.Equal((42.0, 42 * 74.0), TripSteering.Actual(e85, trip, null));             // its own fuel, E85: 74 g/km
    }

    [Fact]
    public void Actual_BikeWithoutOdometer_RoundTripOfBookedDistance()
    {
        var eBike = new Vehicle { Name = "Elcykel", Kind = VehicleKind.EBike, Fuel = FuelType.Electric };
        Assert.Equal((6.0, 4.0), TripSteering.Actual(eBike, new Booking { Purpose = "x", DistanceKm = 3 }, null)); // 6 km × 0.6 = 3.6 → 4 g
    }

    [Fact]
    public void Actual_CarWithoutOdometerReadings_NoKmRatherThanTheBookedDistance()
    {
        var car = new Vehicle { Name = "Golf", Kind = VehicleKind.Car, Fuel = FuelType.Petrol };
        Assert.Equal(((double?)null, (double?)null), TripSteering.Actual(car, new Booking { Purpose = "x", DistanceKm = 3, OdometerOutKm = 1000 }, null));
    }
}

public class EBikeDemandTests
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 16, 8, 0);

    private static Interval Trip(int startHour, int endHour) => new(Monday + Duration.FromHours(startHour), Monday + Duration.FromHours(endHour));

    // Ten trips: 08–10 ×3, 09–11 ×2 (five at once 09–10), 10–12 ×1 (touches the first three), 13–14 ×3, 15–16 ×1.
    private static readonly Interval[] Week =
    [
        Trip(0, 2), Trip(0, 2), Trip(0, 2), Trip(1, 3), Trip(1, 3), Trip(2, 4), Trip(5, 6), Trip(5, 6), Trip(5, 6), Trip(7, 8),
    ];

    [Fact]
    public void PeakConcurrent_HandMadeWeek_FiveAtNine() => Assert.Equal(5, EBikeDemand.PeakConcurrent(Week));

    [Fact]
    public void PeakConcurrent_TouchingTrips_DoNotOverlap() => Assert.Equal(1, EBikeDemand.PeakConcurrent([Trip(0, 1), Trip(1, 2)]));

    [Theory]
    [InlineData(3, 8)]  // 08: 3 served; 09: both wait → refused; 10: one of three is free again → 10–12 served; 13: 3; 15: 1 → 8
    [InlineData(4, 9)]  // one 09–11 trip gets the fourth bike
    [InlineData(5, 10)]
    public void Served_FirstComeFirstServed_HandCounted(int bikes, int served) => Assert.Equal(served, EBikeDemand.Served(Week, bikes));

    [Fact]
    public void FleetFor_NinetyPercentOfTen_FourBikes() => Assert.Equal(4, EBikeDemand.FleetFor(Week, 0.9)); // needs 9 of 10

    [Fact]
    public void FleetFor_NoTrips_Zero() => Assert.Equal(0, EBikeDemand.FleetFor([], 0.9));
}
