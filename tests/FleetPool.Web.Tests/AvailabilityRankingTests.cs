using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Fleet;
using FleetPool.Core.Organisation;
using FleetPool.Core.Steering;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>
/// The whole order availability gives, on a fleet whose names do not already sort the way the rules do (a petrol car
/// named "Audi", a plain bike named "Vanlig cykel"), so a test can tell the ranking rules from the alphabet. Written for
/// AvailabilityService's mutation run, which found the ranking, the buffer, the other open sites and the errors untested.
/// </summary>
public abstract class AvailabilityRankingTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private static readonly string[] Cars = ["Kia e-Niro", "Racebil", "Bussen", "Audi Q7", "Toyota Yaris"]; // electric, electric, biogas, petrol, petrol

    // Tuesday 21 April 2026 unless a test says otherwise; the fixture's open site never closes.
    private static string Slot(string day = "2026-04-21", int from = 9, int to = 11) =>
        $"from={day}T{from:00}:00:00%2B02:00&to={day}T{to:00}:00:00%2B02:00";

    private async Task<JsonElement> FindAsync(string query)
    {
        await AddFleetAsync();
        var response = await (await App.ClientForAsync(TestData.Staff)).GetAsync($"/api/availability?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static List<string?> Names(JsonElement result) =>
        [.. result.GetProperty("vehicles").EnumerateArray().Select(v => v.GetProperty("vehicle").GetProperty("name").GetString())];

    private static JsonElement Line(JsonElement result, string name) =>
        result.GetProperty("vehicles").EnumerateArray().Single(v => v.GetProperty("vehicle").GetProperty("name").GetString() == name);

    private static string Km(double km) => km.ToString(CultureInfo.InvariantCulture);

    // Added once per fixture (the tests of a class run one at a time): a seven-seat petrol car, a biogas car, a second
    // plain bike, a retired electric car, a registered place 3 km north and two more sites.
    private async Task AddFleetAsync()
    {
        await App.QueryAsync(async db =>
        {
            if (await db.Vehicles.AnyAsync(v => v.Name == "Audi Q7"))
            {
                return 0;
            }
            Vehicle V(string name, VehicleKind kind, FuelType? fuel, int seats, VehicleStatus status = VehicleStatus.Active) => new()
            {
                Name = name, Kind = kind, Fuel = fuel, SiteId = App.Ids.OpenSite, DepartmentId = App.Ids.Department, Status = status, Seats = seats,
                RangeKm = 400, AcquiredOn = new LocalDate(2024, 1, 1), LastOdometerKm = 1000,
                Registration = kind.IsMotorVehicle() ? $"RK {name.Length:000}" : null,
            };
            db.Vehicles.AddRange(V("Audi Q7", VehicleKind.Car, FuelType.Petrol, 7), V("Bussen", VehicleKind.Car, FuelType.Biogas, 5),
                V("Vanlig cykel", VehicleKind.Bike, null, 1), V("Arkivbil", VehicleKind.Car, FuelType.Electric, 5, VehicleStatus.Retired));
            db.Places.Add(new Place { Name = "Skolan i norr", Address = "Norrvägen 1", Latitude = 59.23 + 3.0 / HaversineDistance.EarthRadiusKm * 180 / Math.PI, Longitude = 17.98 });
            var sunday = new OpeningHours { Day = IsoDayOfWeek.Sunday, Opens = new LocalTime(8, 0), Closes = new LocalTime(10, 0) };
            db.Sites.AddRange(new Site { Name = "Aulan", Address = "Skolvägen 2", Latitude = 59.24, Longitude = 17.99 },
                new Site { Name = "Morgonöppet", Address = "Torget 3", Latitude = 59.22, Longitude = 17.97, OpeningHours = [sunday] });
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Find_LongTrip_CarsInFuelOrderThenBikesThenTheUnavailableRankedFromOne()
    {
        var result = await FindAsync($"site={App.Ids.OpenSite}&{Slot()}&distanceKm=40");

        Assert.Equal([.. Cars, "Cykel 1", "Elcykel 1", "Vanlig cykel", "Verkstadsbil"], Names(result)); // the retired Arkivbil is not offered
        Assert.Equal(Enumerable.Range(1, 9), result.GetProperty("vehicles").EnumerateArray().Select(v => v.GetProperty("rank").GetInt32()));
        Assert.Equal("maintenance", Line(result, "Verkstadsbil").GetProperty("reasonUnavailable").GetString());
        Assert.Empty(result.GetProperty("slotProblems").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("nextOpening").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("openSites").ValueKind);
    }

    // Walk and bike distances put plain bikes first, an e-bike distance the e-bike; cars follow in fuel order either way.
    [Theory]
    [InlineData(1.0, "Cykel 1", "Vanlig cykel", "Elcykel 1")]
    [InlineData(4.0, "Cykel 1", "Vanlig cykel", "Elcykel 1")]
    [InlineData(8.0, "Elcykel 1", "Cykel 1", "Vanlig cykel")]
    public async Task Find_BikeDistance_TheSuggestedKindOfBikeFirstAndOnlyFreeCarsNeedAReason(double km, string first, string second, string third)
    {
        var result = await FindAsync($"site={App.Ids.OpenSite}&{Slot()}&distanceKm={Km(km)}");

        Assert.Equal([first, second, third, .. Cars, "Verkstadsbil"], Names(result));
        Assert.Equal((true, false), (Line(result, "Kia e-Niro").GetProperty("needsCarReason").GetBoolean(),
            Line(result, "Verkstadsbil").GetProperty("needsCarReason").GetBoolean())); // a car in maintenance is not offered, so it needs nothing
    }

    [Fact]
    public async Task Find_SixPassengers_OnlyTheSevenSeaterIsFreeAndNoFossilFreeCarTakesThemSoItNeedsNoFossilReason()
    {
        var six = await FindAsync($"site={App.Ids.OpenSite}&{Slot()}&distanceKm=40&passengers=6");
        var one = await FindAsync($"site={App.Ids.OpenSite}&{Slot()}&distanceKm=40");

        Assert.Equal(["Audi Q7"], Lines(six).Where(v => v.GetProperty("reasonUnavailable").ValueKind == JsonValueKind.Null)
            .Select(v => v.GetProperty("vehicle").GetProperty("name").GetString()));
        Assert.Equal("tooFewSeats", Line(six, "Kia e-Niro").GetProperty("reasonUnavailable").GetString());
        Assert.Equal((false, true), (Line(six, "Audi Q7").GetProperty("needsFossilReason").GetBoolean(), Line(one, "Audi Q7").GetProperty("needsFossilReason").GetBoolean()));

        static IEnumerable<JsonElement> Lines(JsonElement r) => r.GetProperty("vehicles").EnumerateArray();
    }

    // Booking asks the same question: with six aboard no fossil-free car is an alternative to the seven-seat petrol car.
    [Fact]
    public async Task Create_SevenSeaterForSix_NoFossilReasonNeededButForOneItIs()
    {
        await AddFleetAsync();
        var audi = await App.QueryAsync(db => db.Vehicles.Where(v => v.Name == "Audi Q7").Select(v => v.Id).SingleAsync());
        var staff = await App.ClientForAsync(TestData.Staff);
        object Trip(int? passengers) => new { vehicleId = audi, start = "2026-04-23T09:00:00+02:00", end = "2026-04-23T10:00:00+02:00", purpose = "Studiebesök",
            costCenter = TestData.CostCenter, distanceKm = 40, passengers };

        await (await staff.BookAsync(Trip(null))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "fossilReason");
        var six = await staff.BookAsync(Trip(6));

        Assert.Equal(HttpStatusCode.Created, six.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await six.JsonAsync()).GetProperty("fossilReason").ValueKind);
    }

    [Fact]
    public async Task Find_KindGiven_OnlyThatKind()
    {
        var result = await FindAsync($"site={App.Ids.OpenSite}&{Slot()}&kind=bike");

        Assert.Equal(["Cykel 1", "Vanlig cykel"], Names(result));
    }

    [Fact]
    public async Task Find_PlaceWithOrWithoutADistance_TheGivenDistanceWinsElseTheRoadEstimate()
    {
        await AddFleetAsync();
        var place = await App.QueryAsync(db => db.Places.Where(p => p.Name == "Skolan i norr").Select(p => p.Id).SingleAsync());

        var estimated = await FindAsync($"site={App.Ids.OpenSite}&{Slot()}&placeId={place}");
        var given = await FindAsync($"site={App.Ids.OpenSite}&{Slot()}&placeId={place}&distanceKm=40");

        Assert.Equal((4.02, 40.0), (Math.Round(estimated.GetProperty("advice").GetProperty("distanceKm").GetDouble(), 2),
            given.GetProperty("advice").GetProperty("distanceKm").GetDouble()));
    }

    // The site's 15-minute buffer after the asked slot: a booking starting 10 minutes after it blocks, one 20 minutes after does not.
    [Fact]
    public async Task Find_BookingStartingWithinTheBufferAfterTheSlot_VehicleShownBooked()
    {
        await AddFleetAsync();
        var within = await (await App.ClientForAsync(TestData.Fleet)).BookAsync(ApiCalls.Booking(App.Ids.RaceCar, "2026-04-22T11:10:00+02:00", "2026-04-22T12:00:00+02:00"));
        var beyond = await (await App.ClientForAsync(TestData.Lead)).BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, "2026-04-22T11:20:00+02:00", "2026-04-22T12:00:00+02:00"));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (within.StatusCode, beyond.StatusCode));

        var result = await FindAsync($"site={App.Ids.OpenSite}&{Slot("2026-04-22")}&distanceKm=40");

        Assert.Equal(("booked", JsonValueKind.Null), (Line(result, "Racebil").GetProperty("reasonUnavailable").GetString(),
            Line(result, "Kia e-Niro").GetProperty("reasonUnavailable").ValueKind));
    }

    [Fact]
    public async Task Find_WeekdaySiteOnSunday_OffersTheSitesOpenForTheWholeSlotByName()
    {
        var result = await FindAsync($"site={App.Ids.WeekdaySite}&{Slot("2026-04-19")}");

        Assert.NotEmpty(result.GetProperty("slotProblems").EnumerateArray());
        // Morgonöppet opens on Sundays 08–10: open at the start, closed at the end, so not offered.
        Assert.Equal(["Aulan", "Nyckelskåp"], result.GetProperty("openSites").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Find_StartInThePast_SaysSo()
    {
        var result = await FindAsync($"site={App.Ids.OpenSite}&{Slot("2026-03-10")}");

        Assert.Equal(["The start is in the past."], result.GetProperty("slotProblems").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("site=999999", "site", "No site with this id.")]
    [InlineData("site={0}&placeId=999999", "placeId", "No place with this id.")]
    public async Task Find_UnknownSiteOrPlace_400NamingTheField(string query, string field, string message)
    {
        var client = await App.ClientForAsync(TestData.Staff);

        var response = await client.GetAsync($"/api/availability?{string.Format(CultureInfo.InvariantCulture, query, App.Ids.OpenSite)}&{Slot()}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Find_EndBeforeStart_400NamingTo()
    {
        var client = await App.ClientForAsync(TestData.Staff);

        var response = await client.GetAsync($"/api/availability?site={App.Ids.OpenSite}&{Slot(from: 11, to: 9)}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "to");
    }
}

public sealed class AvailabilityRankingTestsOnSqlite(SqliteApp app) : AvailabilityRankingTests<SqliteApp>(app);

public sealed class AvailabilityRankingTestsOnPostgres(PostgresApp app) : AvailabilityRankingTests<PostgresApp>(app);
