using System.Net;
using System.Net.Http.Json;
using System.Text;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetPool.Web.Tests;

public abstract class BookingApiTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private Task<HttpClient> Staff() => App.ClientForAsync(TestData.Staff);

    [Fact]
    public async Task Create_ValidBooking_201WithLocationAndBody()
    {
        var client = await Staff();
        var response = await client.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-03-17T09:00:00+01:00", "2026-03-17T11:00:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal($"/api/bookings/{body.GetProperty("id").GetInt32()}", response.Headers.Location?.ToString());
        Assert.Equal("reserved", body.GetProperty("status").GetString());
        Assert.Equal("2026-03-17T11:15:00+01:00", body.GetProperty("blockedUntil").GetString());
        var fetched = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(response.Headers.Location);
        Assert.Equal("Hembesök", fetched.GetProperty("purpose").GetString());
    }

    [Fact]
    public async Task Create_StartsInsideBufferOfPrevious_409()
    {
        var client = await Staff();
        Assert.Equal(HttpStatusCode.Created, (await client.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-03-19T09:00:00+01:00", "2026-03-19T10:00:00+01:00"))).StatusCode);
        var clash = await client.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-03-19T10:10:00+01:00", "2026-03-19T11:00:00+01:00"));
        await clash.AssertProblemAsync(HttpStatusCode.Conflict, "start");
        var after = await client.BookAsync(ApiCalls.Booking(App.Ids.Bike, "2026-03-19T10:15:00+01:00", "2026-03-19T11:00:00+01:00"));
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("{\"vehicleId\":", "vehicleId")]
    [InlineData("{\"vehicleId\":\"seven\"}", "vehicleId")]
    [InlineData("{\"vehicleId\":1,\"start\":\"2026-03-17T09:00:00\"}", "start")]
    [InlineData("{\"vehicleId\":1,\"start\":\"2026-03-17T09:00:00+01:00\",\"end\":\"2026-03-17T09:00:00+01:00\",\"purpose\":\"x\",\"costCenter\":\"4110\",\"distanceKm\":3}", "end")]
    [InlineData("{\"vehicleId\":1,\"start\":\"2026-03-17T10:00:00+01:00\",\"end\":\"2026-03-17T09:00:00+01:00\",\"purpose\":\"x\",\"costCenter\":\"4110\",\"distanceKm\":3}", "end")]
    [InlineData("{\"vehicleId\":1,\"start\":\"2026-03-17T09:00:00+01:00\",\"end\":\"2026-03-17T10:00:00+01:00\",\"purpose\":\"x\",\"costCenter\":\"4110\",\"distanceKm\":1e12}", "distanceKm")]
    [InlineData("{\"vehicleId\":99999,\"start\":\"2026-03-17T09:00:00+01:00\",\"end\":\"2026-03-17T10:00:00+01:00\",\"purpose\":\"x\",\"costCenter\":\"4110\",\"distanceKm\":3}", "vehicleId")]
    [InlineData("{\"vehicleId\":1,\"start\":\"2026-03-17T09:00:00+01:00\",\"end\":\"2026-03-17T10:00:00+01:00\",\"purpose\":\"x\",\"costCenter\":\"0000\",\"distanceKm\":3}", "costCenter")]
    [InlineData("{}", "purpose")]
    public async Task Create_MalformedOrInvalid_400NamingField(string json, string field)
    {
        var client = await Staff();
        var before = await App.QueryAsync(db => db.Bookings.CountAsync());
        var response = await client.PostAsync("/api/bookings", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await App.QueryAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Create_TenThousandCharacterPurpose_400()
    {
        var client = await Staff();
        var response = await client.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-03-20T09:00:00+01:00", "2026-03-20T10:00:00+01:00", purpose: new string('p', 10_000)));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "purpose");
    }

    [Fact]
    public async Task Create_WrongContentType_415Problem()
    {
        var client = await Staff();
        var response = await client.PostAsync("/api/bookings", new StringContent("vehicleId=1", Encoding.UTF8, "text/plain"));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Create_StartInPast_422()
    {
        var client = await Staff();
        var response = await client.BookAsync(ApiCalls.Booking(App.Ids.EBike, "2026-03-16T07:00:00+01:00", "2026-03-16T09:00:00+01:00"));
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "start");
    }

    [Fact]
    public async Task Create_StartInPastAskedInSwedish_MessageInSwedish()
    {
        var client = await App.ClientForAsync(TestData.Staff);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings")
        {
            Content = JsonContent.Create(ApiCalls.Booking(App.Ids.EBike, "2026-03-16T07:00:00+01:00", "2026-03-16T09:00:00+01:00")),
        };
        request.Headers.AcceptLanguage.ParseAdd("sv-SE");
        var problem = await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "start");
        Assert.Equal("Starten har redan passerat.", problem.GetProperty("errors").GetProperty("start")[0].GetString());
    }

    [Theory]
    [InlineData("2026-03-17T06:00:00+01:00", "2026-03-17T08:00:00+01:00", "start")] // before opening
    [InlineData("2026-04-03T09:00:00+02:00", "2026-04-03T11:00:00+02:00", "start")] // Good Friday
    [InlineData("2026-03-20T17:00:00+01:00", "2026-03-21T10:00:00+01:00", "end")]   // return on Saturday
    public async Task Create_OutsideOpeningHours_422(string start, string end, string field)
    {
        var client = await Staff();
        var response = await client.BookAsync(ApiCalls.Booking(App.Ids.WeekdayCar, start, end));
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task Create_VehicleInMaintenance_422()
    {
        var client = await Staff();
        var response = await client.BookAsync(ApiCalls.Booking(App.Ids.MaintenanceCar, "2026-03-17T09:00:00+01:00", "2026-03-17T10:00:00+01:00"));
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "vehicleId");
    }

    [Fact]
    public async Task Create_CarByUnlicensedStaff_422NamingDriver()
    {
        var client = await App.ClientForAsync(TestData.Unlicensed);
        var response = await client.BookAsync(ApiCalls.Booking(App.Ids.PetrolCar, "2026-03-17T09:00:00+01:00", "2026-03-17T10:00:00+01:00"));
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "driverId");
        // A fleet manager may book the car for a licensed driver (naming a colleague oneself is refused: BookingPartiesTests).
        var manager = await App.ClientForAsync(TestData.Fleet);
        var withDriver = await manager.BookAsync(ApiCalls.Booking(App.Ids.PetrolCar, "2026-03-17T09:00:00+01:00", "2026-03-17T10:00:00+01:00", driverId: App.Ids.Staff, fossilReason: ApiCalls.TowBar));
        Assert.Equal(HttpStatusCode.Created, withDriver.StatusCode);
    }

    [Fact]
    public async Task Create_AcrossSpringDstChange_StoresExactInstants()
    {
        var client = await Staff();
        var response = await client.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, "2026-03-29T01:00:00+01:00", "2026-03-29T04:00:00+02:00"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetInt32();
        var booking = await App.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == id));
        Assert.Equal(NodaTime.Duration.FromHours(2), booking.End - booking.Start);
    }

    [Fact]
    public async Task Create_AcrossAutumnDstChange_StoresExactInstants()
    {
        App.Clock.Reset(NodaTime.Instant.FromUtc(2026, 10, 20, 7, 0));
        try
        {
            var client = await Staff();
            var response = await client.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, "2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var body = await response.JsonAsync();
            Assert.Equal("2026-10-25T02:30:00+02:00", body.GetProperty("start").GetString());
            Assert.Equal("2026-10-25T02:30:00+01:00", body.GetProperty("end").GetString());
            var id = body.GetProperty("id").GetInt32();
            var booking = await App.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == id));
            Assert.Equal(NodaTime.Duration.FromHours(1), booking.End - booking.Start);
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task Availability_BookedVehicle_ListedWithReasonAfterFreeOnes()
    {
        var client = await Staff();
        Assert.Equal(HttpStatusCode.Created, (await client.BookAsync(ApiCalls.Booking(App.Ids.PetrolCar, "2026-03-24T09:00:00+01:00", "2026-03-24T10:00:00+01:00", fossilReason: ApiCalls.TowBar))).StatusCode);
        var result = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/availability?site={App.Ids.OpenSite}&from=2026-03-24T09:30:00%2B01:00&to=2026-03-24T10:30:00%2B01:00&distanceKm=3");
        var vehicles = result.GetProperty("vehicles").EnumerateArray().ToList();
        var petrol = vehicles.Single(v => v.GetProperty("vehicle").GetProperty("id").GetInt32() == App.Ids.PetrolCar);
        Assert.Equal("booked", petrol.GetProperty("reasonUnavailable").GetString());
        Assert.Equal("bike", result.GetProperty("advice").GetProperty("suggestedMode").GetString());
        Assert.Contains(vehicles[0].GetProperty("vehicle").GetProperty("kind").GetString(), new[] { "bike", "eBike" });
    }

    [Fact]
    public async Task Availability_TimeWithoutOffset_400NamingFrom()
    {
        var client = await Staff();
        var response = await client.GetAsync($"/api/availability?site={App.Ids.OpenSite}&from=2026-03-24T09:30:00&to=2026-03-24T10:30:00%2B01:00");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "from");
    }
}

public sealed class BookingApiTestsOnSqlite(SqliteApp app) : BookingApiTests<SqliteApp>(app);

public sealed class BookingApiTestsOnPostgres(PostgresApp app) : BookingApiTests<PostgresApp>(app);
