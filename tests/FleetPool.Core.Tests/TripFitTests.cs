using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;

namespace FleetPool.Core.Tests;

public class TripFitTests
{
    private static Vehicle Car(int seats = 5, int? rangeKm = 400) =>
        new() { Name = "Kia e-Niro", Kind = VehicleKind.Car, Fuel = FuelType.Electric, Seats = seats, RangeKm = rangeKm };

    [Theory]
    [InlineData(5, 200.0, null)]             // every seat taken, the range exactly the round trip
    [InlineData(6, 200.0, "tooFewSeats")]
    [InlineData(5, 200.1, "rangeTooShort")]
    [InlineData(6, 250.0, "tooFewSeats")]    // seats first: the field the booker can change without another vehicle
    [InlineData(null, null, null)]           // nothing known: nothing refused
    public void Unfit_SeatsAndRange_ReasonOrNull(int? passengers, double? oneWayKm, string? reason) =>
        Assert.Equal(reason, TripFit.Unfit(Car(), passengers, oneWayKm));

    [Fact]
    public void Unfit_RangeUnknown_Fits() => Assert.Null(TripFit.Unfit(Car(rangeKm: null), 1, 5000));

    [Fact]
    public void Check_TooFewSeats_NamesPassengersWithSeatsAndTravellers()
    {
        var errors = TripFit.Check(Car(), 7, 10).ToDictionary();

        Assert.Equal(["passengers"], errors.Keys);
        Assert.Equal(["Kia e-Niro has 5 seats; the trip is for 7."], errors["passengers"]);
    }

    [Fact]
    public void Check_RangeTooShort_NamesDistanceWithTheRangeNotTheTrip()
    {
        var errors = TripFit.Check(Car(rangeKm: 120), 1, 61.5).ToDictionary();

        Assert.Equal(["distanceKm"], errors.Keys);
        Assert.Equal(["Kia e-Niro's range (120 km) does not cover the round trip."], errors["distanceKm"]);
    }

    [Fact]
    public void Check_Fits_Empty() => Assert.True(TripFit.Check(Car(), 5, 200).IsEmpty);
}
