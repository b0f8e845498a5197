using FleetPool.Core.Fleet;
using FleetPool.Core.Steering;

namespace FleetPool.Core.Tests;

/// <summary>Which reasons a booking needs: the rule that booking enforces and availability answers with.</summary>
public sealed class ReasonsNeededTests
{
    private static readonly SteeringOptions O = new();

    private static Vehicle V(int id, VehicleKind kind, FuelType fuel, int seats = 5, int? range = null) =>
        new() { Id = id, Name = $"V{id}", Kind = kind, Fuel = fuel, Seats = seats, RangeKm = range };

    private static readonly Vehicle Ebike = V(1, VehicleKind.EBike, FuelType.Electric, 1);
    private static readonly Vehicle ElectricCar = V(2, VehicleKind.Car, FuelType.Electric, 5, 300);
    private static readonly Vehicle PetrolCar = V(3, VehicleKind.Car, FuelType.Petrol);

    private static ReasonsNeeded Needed(Vehicle v, double km, int passengers, params Vehicle[] free) =>
        CarReasons.Needed(v, km, FreeAlternatives.Of(free, passengers, km), O);

    [Fact]
    public void Needed_CarForShortTripWhileEbikeFree_CarReason()
    {
        Assert.Equal(new ReasonsNeeded(true, false), Needed(ElectricCar, 3, 1, Ebike, ElectricCar));
    }

    [Fact]
    public void Needed_CarForShortTripNoBikeFree_None()
    {
        Assert.True(Needed(ElectricCar, 3, 1, ElectricCar, PetrolCar).None);
    }

    [Fact]
    public void Needed_CarBeyondEbikeDistance_NoCarReason()
    {
        Assert.False(Needed(ElectricCar, O.EBikeMaxKm + 1, 1, Ebike).CarReason);
    }

    [Fact]
    public void Needed_FossilCarWhileFossilFreeCarFree_FossilReason()
    {
        Assert.Equal(new ReasonsNeeded(false, true), Needed(PetrolCar, 40, 1, ElectricCar, PetrolCar));
    }

    [Fact]
    public void Needed_FossilFreeCarTooFewSeatsOrTooShortRange_NoFossilReason()
    {
        var twoSeater = V(4, VehicleKind.Car, FuelType.Electric, 2, 300);
        var shortRange = V(5, VehicleKind.Car, FuelType.Electric, 5, 50);

        Assert.False(Needed(PetrolCar, 40, 4, twoSeater).FossilReason);
        Assert.False(Needed(PetrolCar, 40, 1, shortRange).FossilReason);
    }

    [Fact]
    public void Needed_FossilFreeCarWhileAnotherIsFree_NoFossilReason()
    {
        var otherElectric = V(6, VehicleKind.Car, FuelType.Electric, 5, 300);

        Assert.True(Needed(ElectricCar, 40, 1, ElectricCar, otherElectric).None);
    }

    [Fact]
    public void None_EitherReasonNeeded_False()
    {
        Assert.False(new ReasonsNeeded(true, false).None);
        Assert.False(new ReasonsNeeded(false, true).None);
        Assert.True(new ReasonsNeeded(false, false).None);
    }

    [Fact]
    public void Codes_TheListedReasons_InTheOrderShownAndThreeRuleABikeOut()
    {
        Assert.Equal(["passengers", "equipment", "health", "weather", "timeCritical", "noBikeAvailable"], CarReasons.Codes);
        Assert.Equal(["equipment", "health", "passengers"], CarReasons.BikeImpossible.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Needed_TheVehicleItself_IsNoAlternative()
    {
        Assert.True(Needed(Ebike, 3, 1, Ebike).None);
        Assert.False(Needed(ElectricCar, 40, 1, ElectricCar).FossilReason);
    }
}
