using System.Net;
using System.Net.Http.Json;
using FleetPool.Core.Bookings;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

public abstract class BookingLifecycleTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private async Task<(HttpClient Client, int Id)> BookAsync(int vehicleId, string start, string end)
    {
        var client = await App.ClientForAsync(TestData.Staff);
        var response = await client.BookAsync(ApiCalls.Booking(vehicleId, start, end, fossilReason: vehicleId == App.Ids.PetrolCar ? ApiCalls.TowBar : null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, (await response.JsonAsync()).GetProperty("id").GetInt32());
    }

    private void At(int utcHour, int minute = 0) => App.Clock.Reset(Instant.FromUtc(2026, 3, 23, utcHour, minute));

    [Fact]
    public async Task PickUps_BeforeInAndAfterTheWindow_InstructionsAlwaysKeyCodeOnlyToTheCarsDriverInTheWindow()
    {
        var rules = App.Services.GetRequiredService<Core.Organisation.SiteRules>();
        var site = (await rules.ListAsync()).Single(s => s.Id == App.Ids.OpenSite);
        var fleet = Core.Common.Actor.Of(App.Ids.FleetManager, Core.Common.Roles.FleetManager);
        Assert.True((await rules.SaveAsync(fleet, site with { PickUpInstructions = "Skåpet vid entrén", KeyCode = "4711" })).Succeeded);
        var (_, car) = await BookAsync(App.Ids.ElectricCar, "2026-03-31T09:00:00+02:00", "2026-03-31T10:00:00+02:00");
        var (_, bike) = await BookAsync(App.Ids.EBike, "2026-03-31T09:00:00+02:00", "2026-03-31T10:00:00+02:00");
        var forStaff = await (await App.ClientForAsync(TestData.Fleet)).BookAsync(
            ApiCalls.Booking(App.Ids.PetrolCar, "2026-03-31T09:00:00+02:00", "2026-03-31T10:00:00+02:00", driverId: App.Ids.Staff, fossilReason: ApiCalls.TowBar));
        var named = (await forStaff.JsonAsync()).GetProperty("id").GetInt32();
        var staff = Core.Common.Actor.Of(App.Ids.Staff, Core.Common.Roles.Staff);
        var queries = App.Services.GetRequiredService<BookingQueries>();
        try
        {
            App.Clock.Reset(Instant.FromUtc(2026, 3, 31, 6, 29)); // 08:29 local: one minute before the 30-minute window
            var before = (await queries.PickUpsAsync(staff))[car];
            App.Clock.Reset(Instant.FromUtc(2026, 3, 31, 6, 30));
            var inside = await queries.PickUpsAsync(staff);
            var booker = await queries.PickUpsAsync(fleet);
            App.Clock.Reset(Instant.FromUtc(2026, 3, 31, 8, 0)); // 10:00: the trip's end, never picked up
            var after = (await queries.PickUpsAsync(staff))[car];

            Assert.Equal(("Skåpet vid entrén", (string?)null, Instant.FromUtc(2026, 3, 31, 6, 30)), (before.Instructions, before.KeyCode, before.Opens));
            Assert.Equal("4711", inside[car].KeyCode);
            Assert.Equal("4711", inside[named].KeyCode); // the driver a fleet manager named
            Assert.Null(booker[named].KeyCode); // the booker who does not drive
            Assert.Equal(("Skåpet vid entrén", (string?)null), (inside[bike].Instructions, inside[bike].KeyCode)); // a bike needs no car key
            Assert.Null(after.KeyCode);
            Assert.False((await queries.PickUpsAsync(Core.Common.Actor.Of(App.Ids.Lead, Core.Common.Roles.DepartmentLead))).ContainsKey(car)); // not theirs
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
            Assert.True((await rules.SaveAsync(fleet, site)).Succeeded);
        }
    }

    [Fact]
    public async Task CheckOutAndIn_ElectricCar_RecordsReadingsRefuelDamageAndFreesRestOfSlot()
    {
        var (client, id) = await BookAsync(App.Ids.ElectricCar, "2026-03-23T09:00:00+01:00", "2026-03-23T12:00:00+01:00");
        try
        {
            At(8);
            var outResponse = await client.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = 1000, batteryPercent = 90 });
            Assert.Equal(HttpStatusCode.OK, outResponse.StatusCode);
            Assert.Equal("checkedOut", (await outResponse.JsonAsync()).GetProperty("status").GetString());
            var backwards = await client.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = 990, batteryPercent = 40 });
            await backwards.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "odometerKm");
            var negative = await client.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = -1, batteryPercent = 40 });
            await negative.AssertProblemAsync(HttpStatusCode.BadRequest, "odometerKm");
            var huge = await client.PostAsync($"/api/bookings/{id}/checkin", JsonContent.Create(new { odometerKm = 1_000_000_000_000L }));
            await huge.AssertProblemAsync(HttpStatusCode.BadRequest, "odometerKm");

            At(9);
            var inResponse = await client.PostAsJsonAsync($"/api/bookings/{id}/checkin", new
            {
                odometerKm = 1042, batteryPercent = 35, refuel = new { fuel = "electric", amount = 20.5 },
                damage = new { description = "Repa på vänster dörr", injuryAccident = false },
            });
            Assert.Equal(HttpStatusCode.OK, inResponse.StatusCode);
            Assert.Equal("returned", (await inResponse.JsonAsync()).GetProperty("status").GetString());
            var (vehicle, refuels, damages) = await App.QueryAsync(async db => (
                await db.Vehicles.SingleAsync(v => v.Id == App.Ids.ElectricCar),
                await db.Refuellings.CountAsync(r => r.BookingId == id),
                await db.DamageReports.CountAsync(d => d.BookingId == id && d.ResolvedAt == null)));
            Assert.Equal((1042, 1, 1), (vehicle.LastOdometerKm, refuels, damages));

            // Returned at 10:00 local: with the 15-minute buffer the vehicle is free again from 10:15.
            var next = await client.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, "2026-03-23T10:15:00+01:00", "2026-03-23T11:00:00+01:00"));
            Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task Cancel_Reservation_FreesSlotAndCannotCancelTwice()
    {
        var (client, id) = await BookAsync(App.Ids.EBike, "2026-03-25T09:00:00+01:00", "2026-03-25T10:00:00+01:00");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/bookings/{id}/cancel", null)).StatusCode);
        await (await client.PostAsync($"/api/bookings/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status");
        var again = await client.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-03-25T09:00:00+01:00", "2026-03-25T10:00:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Change_ReservationOntoTakenSlot_409AndUnchanged()
    {
        var (client, first) = await BookAsync(App.Ids.Bike, "2026-03-26T09:00:00+01:00", "2026-03-26T10:00:00+01:00");
        var (_, second) = await BookAsync(App.Ids.Bike, "2026-03-26T11:00:00+01:00", "2026-03-26T12:00:00+01:00");
        var clash = await client.PutAsJsonAsync($"/api/bookings/{second}", new { start = "2026-03-26T09:30:00+01:00" });
        await clash.AssertProblemAsync(HttpStatusCode.Conflict);
        var moved = await client.PutAsJsonAsync($"/api/bookings/{second}", new { start = "2026-03-26T13:00:00+01:00", end = "2026-03-26T14:00:00+01:00" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("2026-03-26T13:00:00+01:00", (await moved.JsonAsync()).GetProperty("start").GetString());
        var stored = await App.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == first));
        Assert.Equal(BookingStatus.Reserved, stored.Status);
    }

    [Fact]
    public async Task Change_EndAtTheStart_400NamingEndAndUnchanged()
    {
        var (client, id) = await BookAsync(App.Ids.Bike, "2026-04-01T09:00:00+02:00", "2026-04-01T10:00:00+02:00");

        var response = await client.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-04-01T09:00:00+02:00" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "end");
        Assert.Equal("The end must be after the start.", problem.GetProperty("errors").GetProperty("end")[0].GetString());
        Assert.Equal(Instant.FromUtc(2026, 4, 1, 8, 0), await App.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.End).SingleAsync()));
    }

    // A changed end keeps the site's 15-minute buffer: 10:10 blocks until 10:25, into another booker's 10:20.
    [Fact]
    public async Task Change_EndWhoseBufferReachesTheNextBooking_409AndUnchanged()
    {
        var (client, id) = await BookAsync(App.Ids.Bike, "2026-04-02T09:00:00+02:00", "2026-04-02T10:00:00+02:00");
        var next = await (await App.ClientForAsync(TestData.Lead)).BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-04-02T10:20:00+02:00", "2026-04-02T11:00:00+02:00"));
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);

        var intoBuffer = await client.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-04-02T10:10:00+02:00" });
        var beforeIt = await client.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-04-02T10:05:00+02:00" });

        await intoBuffer.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, beforeIt.StatusCode);
        Assert.Equal("2026-04-02T10:20:00+02:00", (await beforeIt.JsonAsync()).GetProperty("blockedUntil").GetString());
    }

    [Fact]
    public async Task Change_RunningBooking_ExtendsEndButNotVehicle()
    {
        var (client, id) = await BookAsync(App.Ids.PetrolCar, "2026-03-23T13:00:00+01:00", "2026-03-23T14:00:00+01:00");
        try
        {
            At(12);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = 1000, fuelEighths = 6 })).StatusCode);
            var extended = await client.PutAsJsonAsync($"/api/bookings/{id}", new { end = "2026-03-23T16:00:00+01:00" });
            Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
            Assert.Equal("2026-03-23T16:15:00+01:00", (await extended.JsonAsync()).GetProperty("blockedUntil").GetString());
            var swap = await client.PutAsJsonAsync($"/api/bookings/{id}", new { vehicleId = App.Ids.EBike });
            await swap.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "vehicleId");
            var earlier = await client.PutAsJsonAsync($"/api/bookings/{id}", new { start = "2026-03-23T12:30:00+01:00" });
            await earlier.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "start");
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task CheckOut_TooEarly_422()
    {
        var (client, id) = await BookAsync(App.Ids.EBike, "2026-03-27T09:00:00+01:00", "2026-03-27T10:00:00+01:00");
        await (await client.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status");
    }

    [Fact]
    public async Task CheckOut_AtTheBookingsEnd_422NamingStatusAndStillReserved()
    {
        var (client, id) = await BookAsync(App.Ids.EBike, "2026-03-23T13:00:00+01:00", "2026-03-23T14:00:00+01:00");
        var (_, later) = await BookAsync(App.Ids.EBike, "2026-03-23T15:00:00+01:00", "2026-03-23T16:00:00+01:00");
        try
        {
            At(13); // 14:00 local: the first booking is over
            await (await client.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "status");
            Assert.Equal(BookingStatus.Reserved, await App.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));

            At(14, 59); // 15:59 local: a minute before the second one ends, it may still be picked up
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/bookings/{later}/checkout", new { })).StatusCode);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task CheckOut_VehicleTakenOutOfUseAfterBooking_422NamingVehicleAndStillReserved()
    {
        var (client, id) = await BookAsync(App.Ids.Bike, "2026-03-23T09:00:00+01:00", "2026-03-23T10:00:00+01:00");
        var status = await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.Bike).Select(v => v.Status).SingleAsync());
        try
        {
            // Straight in the database, as a vehicle stopped by other means would be: its bookings were not moved.
            await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.Bike).ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, Core.Fleet.VehicleStatus.Maintenance)));
            At(8);
            await (await client.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "vehicleId");
            Assert.Equal(BookingStatus.Reserved, await App.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync()));
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
            await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.Bike).ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, status)));
        }
    }

    [Fact]
    public async Task Mine_ListsOwnBookingsOnly()
    {
        var (client, id) = await BookAsync(App.Ids.EBike, "2026-03-30T09:00:00+02:00", "2026-03-30T10:00:00+02:00");
        var mine = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/bookings/mine?pageSize=200");
        Assert.Contains(mine.EnumerateArray(), b => b.GetProperty("id").GetInt32() == id);
        var other = await App.ClientForAsync(TestData.Unlicensed);
        var theirs = await other.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/bookings/mine");
        Assert.DoesNotContain(theirs.EnumerateArray(), b => b.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task NoShowSweep_ReservationNotPickedUp_MarkedAndSlotFreed()
    {
        var (client, id) = await BookAsync(App.Ids.Bike, "2026-03-23T14:00:00+01:00", "2026-03-23T16:00:00+01:00");
        var sweep = App.Services.GetRequiredService<NoShowSweep>();
        try
        {
            async Task<string?> Status() => (await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/bookings/{id}")).GetProperty("status").GetString();
            At(13, 29); // 14:29 local: 29 minutes late, still a reservation
            await sweep.RunAsync();
            Assert.Equal("reserved", await Status());
            At(13, 30);
            Assert.True(await sweep.RunAsync() >= 1);
            Assert.Equal(0, await sweep.RunAsync());
            Assert.Equal("noShow", await Status());
            var taken = await client.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-03-23T14:45:00+01:00", "2026-03-23T15:30:00+01:00"));
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }
}

public sealed class BookingLifecycleTestsOnSqlite(SqliteApp app) : BookingLifecycleTests<SqliteApp>(app);

public sealed class BookingLifecycleTestsOnPostgres(PostgresApp app) : BookingLifecycleTests<PostgresApp>(app);
