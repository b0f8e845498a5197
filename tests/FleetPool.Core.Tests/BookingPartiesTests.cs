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

    [Theory]
    [InlineData(VehicleKind.Car, 7, null, BookingStatus.Reserved, 0, true)]       // the booker drives, at the window's opening
    [InlineData(VehicleKind.Van, 9, 7, BookingStatus.Reserved, 30, true)]         // the driver a fleet manager named
    [InlineData(VehicleKind.Car, 7, 8, BookingStatus.Reserved, 30, false)]        // a booker who does not drive
    [InlineData(VehicleKind.EBike, 7, null, BookingStatus.Reserved, 30, false)]   // a bike needs no car key
    [InlineData(VehicleKind.Car, 7, null, BookingStatus.Reserved, -1, false)]     // a minute before the window
    [InlineData(VehicleKind.Car, 7, null, BookingStatus.Reserved, 90, false)]     // at the end, never picked up
    [InlineData(VehicleKind.Car, 7, null, BookingStatus.CheckedOut, 120, true)]   // under way, late: to return the key
    [InlineData(VehicleKind.Car, 7, null, BookingStatus.Cancelled, 30, false)]
    public void MaySeeKeyCode_DriverKindStatusAndTime_OnlyTheCarsDriverInTheWindow(VehicleKind kind, int bookerId, int? driverId, BookingStatus status,
        int minutesAfterOpening, bool expected)
    {
        var opens = NodaTime.Instant.FromUtc(2026, 3, 31, 6, 30);

        var sees = BookingParties.MaySeeKeyCode(Staff, bookerId, driverId, kind, status, opens, opens + NodaTime.Duration.FromMinutes(90),
            opens + NodaTime.Duration.FromMinutes(minutesAfterOpening));

        Assert.Equal(expected, sees);
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
