using FleetPool.Core.Bookings;
using FleetPool.Core.Common;
using FleetPool.Core.Fleet;

namespace FleetPool.Core.Tests;

public class BookingPartiesTests
{
    private static readonly Actor Staff = Actor.Of(7, Roles.Staff), Manager = Actor.Of(9, Roles.Staff, Roles.FleetManager);

    [Fact]
    public void MayNameDriver_StaffNamesColleague_False() => Assert.False(BookingParties.MayNameDriver(Staff, 8));

    [Fact]
    public void MayNameDriver_StaffNamesSelfOrManagerNamesAnyone_True()
    {
        Assert.True(BookingParties.MayNameDriver(Staff, 7));
        Assert.True(BookingParties.MayNameDriver(Manager, 8));
    }

    [Fact]
    public void MayCheckOut_CarBookedForAnotherDriver_OnlyThatDriver()
    {
        Assert.False(BookingParties.MayCheckOut(Staff, bookerId: 7, driverId: 8, VehicleKind.Car));
        Assert.False(BookingParties.MayCheckOut(Manager, bookerId: 9, driverId: 8, VehicleKind.Van));
        Assert.True(BookingParties.MayCheckOut(Actor.Of(8, Roles.Staff), bookerId: 9, driverId: 8, VehicleKind.Car));
        Assert.True(BookingParties.MayCheckOut(Staff, bookerId: 7, driverId: null, VehicleKind.Car));
    }

    [Fact]
    public void MayCheckOut_Bike_BookerOrFleetManager()
    {
        Assert.True(BookingParties.MayCheckOut(Staff, bookerId: 7, driverId: null, VehicleKind.EBike));
        Assert.True(BookingParties.MayCheckOut(Manager, bookerId: 7, driverId: null, VehicleKind.Bike));
        Assert.False(BookingParties.MayCheckOut(Actor.Of(8, Roles.Staff), bookerId: 7, driverId: null, VehicleKind.Bike));
    }

    [Fact]
    public void MayCheckIn_Car_DriverOrFleetManagerNotBooker()
    {
        Assert.True(BookingParties.MayCheckIn(Manager, bookerId: 7, driverId: 8, VehicleKind.Car));
        Assert.True(BookingParties.MayCheckIn(Actor.Of(8, Roles.Staff), bookerId: 7, driverId: 8, VehicleKind.Car));
        Assert.False(BookingParties.MayCheckIn(Staff, bookerId: 7, driverId: 8, VehicleKind.Car));
    }

    [Fact]
    public void MayCharge_OwnDepartmentOrBoard_TrueOtherDepartment_False()
    {
        int[] departmentAndBoard = [20, 2];
        Assert.True(BookingParties.MayCharge(Staff, departmentAndBoard, 20));
        Assert.True(BookingParties.MayCharge(Staff, departmentAndBoard, 2));
        Assert.False(BookingParties.MayCharge(Staff, departmentAndBoard, 21));
        Assert.False(BookingParties.MayCharge(Staff, [], 20));
        Assert.True(BookingParties.MayCharge(Manager, [], 21));
    }
}
