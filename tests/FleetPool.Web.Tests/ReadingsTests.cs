using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>Readings that no trip can produce are refused, and fleet managers correct readings that got in (audited, with a reason).</summary>
public abstract class ReadingsTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private async Task<(HttpClient Staff, int Id, int LastKm)> CheckedOutAsync(int day)
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var created = await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, $"2026-04-{day:00}T09:00:00+02:00", $"2026-04-{day:00}T12:00:00+02:00"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        var last = await LastKmAsync();
        App.Clock.Reset(Instant.FromUtc(2026, 4, day, 7, 0));
        var checkout = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = last, batteryPercent = 90 });
        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        return (staff, id, last);
    }

    private Task<int> LastKmAsync() => App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.ElectricCar).Select(v => v.LastOdometerKm).SingleAsync());

    [Fact]
    public async Task CheckIn_1999999KmThirtyMinutesAfterCheckOut_422OdometerAndNothingWritten()
    {
        var (staff, id, last) = await CheckedOutAsync(1);
        try
        {
            App.Clock.Reset(Instant.FromUtc(2026, 4, 1, 7, 30));

            var absurd = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = 1_999_999, batteryPercent = 40 });
            var tooFast = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = last + 71, batteryPercent = 40 }); // 130 km/h × 0.5 h + 5
            var tankTooSmall = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = last + 20, batteryPercent = 40, refuel = new { fuel = "electric", amount = 400 } });

            await absurd.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "odometerKm");
            await tooFast.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "odometerKm");
            await tankTooSmall.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "refuel.amount");
            Assert.Equal(last, await LastKmAsync());
            Assert.Equal("checkedOut", (await staff.GetFromJsonAsync<JsonElement>($"/api/bookings/{id}")).GetProperty("status").GetString());
            var plausible = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = last + 70, batteryPercent = 40 });
            Assert.Equal(HttpStatusCode.OK, plausible.StatusCode);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task CheckIn_EBike1999999KmAMinuteAfterCheckOut_422OdometerLikeACar()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).ExecuteUpdateAsync(u => u
            .SetProperty(v => v.Kind, FleetPool.Core.Fleet.VehicleKind.EBike).SetProperty(v => v.RangeKm, 80).SetProperty(v => v.LastOdometerKm, 0)));
        var staff = await App.ClientForAsync(TestData.Staff);
        var id = (await (await staff.BookAsync(ApiCalls.Booking(cars[0], "2026-04-08T09:00:00+02:00", "2026-04-08T11:00:00+02:00", distanceKm: 3))).JsonAsync())
            .GetProperty("id").GetInt32();
        try
        {
            App.Clock.Reset(Instant.FromUtc(2026, 4, 8, 7, 0));
            (await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = 0 })).EnsureSuccessStatusCode();
            App.Clock.Reset(Instant.FromUtc(2026, 4, 8, 7, 1));

            var absurd = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = 1_999_999 });
            var tooFast = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = 7 }); // 40 km/h × 1 min + 5 km

            await absurd.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "odometerKm");
            await tooFast.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "odometerKm");
            App.Clock.Reset(Instant.FromUtc(2026, 4, 8, 8, 0));
            var plausible = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = 7 });
            Assert.Equal(HttpStatusCode.OK, plausible.StatusCode);
            Assert.Equal(7, await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).Select(v => v.LastOdometerKm).SingleAsync()));
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task CheckOut_TwiceFarAboveTheLastReadingWithNoKmDriven_VehicleReadingUnmovedAndFleetAsked()
    {
        var (_, cars) = await App.NewSiteAsync(1);
        var staff = await App.ClientForAsync(TestData.Staff);
        var trips = new List<int>();
        foreach (var (from, to) in new[] { ("09:00", "10:00"), ("13:00", "14:00") })
        {
            var made = await staff.BookAsync(ApiCalls.Booking(cars[0], $"2026-04-07T{from}:00+02:00", $"2026-04-07T{to}:00+02:00"));
            trips.Add((await made.JsonAsync()).GetProperty("id").GetInt32());
        }
        try
        {
            foreach (var (id, hour) in trips.Zip(new[] { 7, 11 }))
            {
                App.Clock.Reset(Instant.FromUtc(2026, 4, 7, hour, 0));
                (await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = 2000, batteryPercent = 90 })).EnsureSuccessStatusCode();
                App.Clock.Reset(Instant.FromUtc(2026, 4, 7, hour, 30));
                (await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = 2000, batteryPercent = 90 })).EnsureSuccessStatusCode();
            }

            Assert.Equal(1000, await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).Select(v => v.LastOdometerKm).SingleAsync()));
            Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.UserId == App.Ids.FleetManager && n.Kind == "odometerJump" && n.BookingId == trips[0])));
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task CheckOut_FarAboveLastReading_422Odometer()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var created = await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, "2026-04-02T09:00:00+02:00", "2026-04-02T10:00:00+02:00"));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        App.Clock.Reset(Instant.FromUtc(2026, 4, 2, 7, 0));
        try
        {
            var response = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = await LastKmAsync() + 5000, batteryPercent = 90 });

            await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "odometerKm");
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task CorrectTrip_PoisonedCheckIn_FleetManagerFixesKmCo2AndLastReadingWithReason()
    {
        var (staff, id, last) = await CheckedOutAsync(7);
        try
        {
            App.Clock.Reset(Instant.FromUtc(2026, 4, 7, 9, 0));
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = last + 40, batteryPercent = 40 })).StatusCode);
            // What the review did before readings were checked: 1,999,999 km stored on the trip and the vehicle.
            await App.QueryAsync(db => db.Bookings.Where(b => b.Id == id).ExecuteUpdateAsync(u => u.SetProperty(b => b.OdometerInKm, 1_999_999).SetProperty(b => b.ActualKm, 1_999_999 - last)));
            await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.ElectricCar).ExecuteUpdateAsync(u => u.SetProperty(v => v.LastOdometerKm, 1_999_999)));
            var manager = await App.ClientForAsync(TestData.Fleet);
            var correction = new { odometerInKm = last + 40, reason = "Felskrivet vid återlämning; mätaren visar rätt värde" };

            await (await staff.PostAsJsonAsync($"/api/bookings/{id}/readings", correction)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await manager.PostAsJsonAsync($"/api/bookings/{id}/readings", new { odometerInKm = last + 40 })).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
            var fixedTrip = await manager.PostAsJsonAsync($"/api/bookings/{id}/readings", correction);

            Assert.Equal(HttpStatusCode.OK, fixedTrip.StatusCode);
            var trip = await fixedTrip.JsonAsync();
            Assert.Equal((last + 40, 40.0, 560.0), (trip.GetProperty("odometerInKm").GetInt32(), trip.GetProperty("actualKm").GetDouble(), trip.GetProperty("actualCo2eGrams").GetDouble())); // 40 km × 14 g
            Assert.Equal(last + 40, await LastKmAsync());
            var (corrections, audited) = await App.QueryAsync(async db => (
                await db.ReadingCorrections.Where(c => c.BookingId == id).ToListAsync(),
                await db.AuditEntries.CountAsync(a => a.Entity == "Booking" && a.EntityId == id.ToString() && a.ActorId == App.Ids.FleetManager)));
            var row = Assert.Single(corrections);
            Assert.Equal(("odometerInKm", 1_999_999, last + 40, App.Ids.FleetManager), (row.Field, row.BeforeKm!.Value, row.AfterKm, row.ById));
            Assert.Equal(1, audited);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task CorrectVehicle_OdometerWithReason_SetsLastReadingEvenDownwards()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        var before = await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.Bike).Select(v => v.LastOdometerKm).SingleAsync());

        await (await manager.PostAsJsonAsync($"/api/vehicles/{App.Ids.Bike}/odometer", new { odometerKm = 10 })).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        var response = await manager.PostAsJsonAsync($"/api/vehicles/{App.Ids.Bike}/odometer", new { odometerKm = before - 10, reason = "Nollställd mätare efter byte" });
        var staff = await App.ClientForAsync(TestData.Staff);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before - 10, (await response.JsonAsync()).GetProperty("lastOdometerKm").GetInt32());
        await (await staff.PostAsJsonAsync($"/api/vehicles/{App.Ids.Bike}/odometer", new { odometerKm = 5, reason = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, await App.QueryAsync(db => db.ReadingCorrections.CountAsync(c => c.VehicleId == App.Ids.Bike && c.Field == "lastOdometerKm")));
    }
}

public sealed class ReadingsTestsOnSqlite(SqliteApp app) : ReadingsTests<SqliteApp>(app);

public sealed class ReadingsTestsOnPostgres(PostgresApp app) : ReadingsTests<PostgresApp>(app);
