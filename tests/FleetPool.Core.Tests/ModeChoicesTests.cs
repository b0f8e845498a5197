using FleetPool.Core.Bookings;
using FleetPool.Core.Fleet;
using FleetPool.Core.Steering;

namespace FleetPool.Core.Tests;

/// <summary>The cards the Book page opens with: one per sensible mode, each with the best free vehicle of that mode.</summary>
public sealed class ModeChoicesTests
{
    private static VehicleAvailability A(int id, VehicleKind kind, FuelType? fuel, string? unavailable = null) =>
        new(VehicleView.From(new Vehicle { Id = id, Name = $"{kind} {id}", Kind = kind, Fuel = fuel, Seats = 5, RangeKm = 400 }, 0), id, unavailable);

    private static AvailabilityResult Result(double km, params VehicleAvailability[] ranked) =>
        new(TripAdvice.For(km, new SteeringOptions(), FuelType.Electric), [], ranked);

    [Fact]
    public void Choices_ThreeKm_BikeEbikeCarInThatOrderEachWithItsFirstFreeVehicle()
    {
        var r = Result(3, A(1, VehicleKind.Bike, null, "booked"), A(2, VehicleKind.Bike, null), A(3, VehicleKind.EBike, FuelType.Electric),
            A(4, VehicleKind.Car, FuelType.Electric), A(5, VehicleKind.Car, FuelType.Petrol));

        Assert.Equal([("bike", 2), ("eBike", 3), ("car", 4)], r.Choices.Select(c => (c.Mode, c.Vehicle!.Vehicle.Id)));
    }

    [Fact]
    public void Choices_OnlyEbikesAsked_NoCardForModesWithoutVehicles()
    {
        var r = Result(3, A(3, VehicleKind.EBike, FuelType.Electric));

        Assert.Equal(["eBike"], r.Choices.Select(c => c.Mode));
    }

    [Fact]
    public void Choices_AllCarsTaken_CarCardSaysNoneFree()
    {
        var r = Result(3, A(3, VehicleKind.EBike, FuelType.Electric), A(4, VehicleKind.Car, FuelType.Electric, "booked"));

        Assert.Null(r.Choices.Single(c => c.Mode == "car").Vehicle);
    }

    [Fact]
    public void Choices_OneKm_WalkFirstWithoutVehicle()
    {
        var r = Result(1, A(2, VehicleKind.Bike, null));

        Assert.Equal(("walk", (VehicleAvailability?)null), (r.Choices[0].Mode, r.Choices[0].Vehicle));
    }

    [Fact]
    public void Choices_DistanceUnknown_None()
    {
        Assert.Empty(new AvailabilityResult(TripAdvice.For(null, new SteeringOptions()), [], [A(2, VehicleKind.Bike, null)]).Choices);
    }
}
