using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Organisation;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>Who may name a driver, pick a car up and charge a cost centre (the licence bypass of the security review).</summary>
public abstract class BookingPartiesTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private void At(int day, int utcHour) => App.Clock.Reset(Instant.FromUtc(2026, 3, day, utcHour, 0));

    [Fact]
    public async Task Create_UnlicensedStaffNamesLicensedColleague_422DriverAndNothingWritten()
    {
        var unlicensed = await App.ClientForAsync(TestData.Unlicensed);
        var before = await App.QueryAsync(async db => (await db.Bookings.CountAsync(), await db.Notifications.CountAsync()));

        var response = await unlicensed.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, "2026-03-26T09:00:00+01:00", "2026-03-26T10:00:00+01:00", driverId: App.Ids.Staff));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "driverId");
        Assert.Contains("fleet managers", problem.GetProperty("errors").GetProperty("driverId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await App.QueryAsync(async db => (await db.Bookings.CountAsync(), await db.Notifications.CountAsync())));
    }

    // A fleet manager books the race car 12:00–13:00 local on 2026-03-<day> with the staff member as its driver.
    private async Task<(HttpClient Manager, HttpClient Driver, int Id)> FleetManagerBooksRaceCarForStaffAsync(int day)
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        var created = await manager.BookAsync(ApiCalls.Booking(App.Ids.RaceCar, $"2026-03-{day}T12:00:00+01:00", $"2026-03-{day}T13:00:00+01:00", driverId: App.Ids.Staff));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (manager, await App.ClientForAsync(TestData.Staff), (await created.JsonAsync()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Create_FleetManagerNamesDriver_DriverToldOnlyDriverChecksOut()
    {
        var (manager, staff, id) = await FleetManagerBooksRaceCarForStaffAsync(26);
        var inbox = await staff.GetFromJsonAsync<JsonElement>("/api/notifications");
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("bookingId").GetInt32() == id
            && n.GetProperty("text").GetString()!.Contains("Racebil", StringComparison.Ordinal) && n.GetProperty("text").GetString()!.Contains(TestData.Fleet, StringComparison.Ordinal));
        try
        {
            At(26, 11);
            var byBooker = await manager.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = 1000, batteryPercent = 90 });
            await byBooker.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "driverId");
            var byDriver = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = 1000, batteryPercent = 90 });
            Assert.Equal(HttpStatusCode.OK, byDriver.StatusCode);
            At(26, 12);
            var returnedAtDesk = await manager.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = 1010, batteryPercent = 80 });
            Assert.Equal(HttpStatusCode.OK, returnedAtDesk.StatusCode);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task NamedDriver_SeesTheBookingAColleagueCannotReadChangeOrTakeIt()
    {
        var (_, driver, id) = await FleetManagerBooksRaceCarForStaffAsync(27);
        var colleague = await App.ClientForAsync(TestData.Lead);

        var seen = await driver.GetFromJsonAsync<JsonElement>($"/api/bookings/{id}");
        Assert.Equal(App.Ids.Staff, seen.GetProperty("driverId").GetInt32());
        Assert.Contains((await ApiCalls.IdsAsync(driver, "/api/bookings/mine")), b => b == id);
        try
        {
            At(27, 11);
            Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/bookings/{id}")).StatusCode);
            await (await colleague.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-03-27T14:00:00+01:00" })).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await colleague.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = 1000, batteryPercent = 90 })).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await colleague.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = 1010, batteryPercent = 80 })).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await colleague.PostAsync($"/api/bookings/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound);
            var after = await App.QueryAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));
            Assert.Equal((BookingStatus.Reserved, Instant.FromUtc(2026, 3, 27, 12, 0)), (after.Status, after.End));
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task CheckOut_DriverLicenceUnverifiedSinceBooking_422Driver()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var created = await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, "2026-03-27T09:00:00+01:00", "2026-03-27T10:00:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var verified = await App.QueryAsync(db => db.Users.Where(u => u.Id == App.Ids.Staff).Select(u => u.LicenceVerifiedAt).SingleAsync());
        try
        {
            await App.QueryAsync(db => db.Users.Where(u => u.Id == App.Ids.Staff).ExecuteUpdateAsync(u => u.SetProperty(x => x.LicenceVerifiedAt, (Instant?)null)));
            At(27, 8);

            var response = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = 1000, batteryPercent = 90 });

            await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "driverId");
            Assert.Equal("reserved", (await staff.GetFromJsonAsync<JsonElement>($"/api/bookings/{id}")).GetProperty("status").GetString());
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
            await App.QueryAsync(db => db.Users.Where(u => u.Id == App.Ids.Staff).ExecuteUpdateAsync(u => u.SetProperty(x => x.LicenceVerifiedAt, verified)));
        }
    }

    [Fact]
    public async Task Create_CostCentreOfAnotherDepartment_422ButOwnBoardsAndFleetManagersAllowed()
    {
        var board = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Id == App.Ids.Department).Select(u => u.ParentId!.Value).SingleAsync());
        await App.QueryAsync(async db =>
        {
            db.CostCenters.AddRange(new CostCenter { Code = "9910", Name = "Bygglov", OrgUnitId = App.Ids.OtherDepartment },
                new CostCenter { Code = "9920", Name = "Kommunstyrelsen", OrgUnitId = board });
            return await db.SaveChangesAsync();
        });
        var staff = await App.ClientForAsync(TestData.Staff);

        var other = await staff.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-03-30T09:00:00+02:00", "2026-03-30T10:00:00+02:00", costCenter: "9910", distanceKm: 3));
        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "costCenter");
        var unknown = await staff.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-03-30T09:00:00+02:00", "2026-03-30T10:00:00+02:00", costCenter: "0000", distanceKm: 3));
        Assert.Equal("No active cost centre with this code.",
            (await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "costCenter")).GetProperty("errors").GetProperty("costCenter")[0].GetString());
        var boards = await staff.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-03-30T09:00:00+02:00", "2026-03-30T10:00:00+02:00", costCenter: "9920", distanceKm: 3));
        Assert.Equal(HttpStatusCode.Created, boards.StatusCode);
        var manager = await App.ClientForAsync(TestData.Fleet);
        var anyForManager = await manager.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-03-30T09:00:00+02:00", "2026-03-30T10:00:00+02:00", costCenter: "9910", distanceKm: 3));
        Assert.Equal(HttpStatusCode.Created, anyForManager.StatusCode);
    }
}

public sealed class BookingPartiesTestsOnSqlite(SqliteApp app) : BookingPartiesTests<SqliteApp>(app);

public sealed class BookingPartiesTestsOnPostgres(PostgresApp app) : BookingPartiesTests<PostgresApp>(app);
