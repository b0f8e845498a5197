using System.Net;
using System.Net.Http.Json;
using FleetPool.Core.Steering;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FleetPool.Web.Tests;

public abstract class SteeringApiTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    // The fixture's always-open site is at 59.23, 17.98; this point is 3.0 km due north as the crow flies.
    private static readonly double ThreeKmNorth = 59.23 + 3.0 / HaversineDistance.EarthRadiusKm * 180 / Math.PI;

    private static string Day(int day, int hour) => $"2026-04-{day:00}T{hour:00}:00:00+02:00";

    // A confidential place belongs to home care (staff's department) unless the test names another owner.
    private async Task<int> AddPlaceAsync(string name, bool confidential = false, int? owner = null)
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        var ownerUnitId = confidential ? owner ?? App.Ids.Department : (int?)null;
        var response = await manager.PostAsJsonAsync("/api/places", new { name, address = "Vägen 1", latitude = ThreeKmNorth, longitude = 17.98, confidential, ownerUnitId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Create_CarForThreeKmWhileBikeFree_422NamingCarReasonThenStoredWithReason()
    {
        var staff = await App.ClientForAsync(TestData.Staff);

        var bare = await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, Day(7, 9), Day(7, 10), distanceKm: 3));
        var problem = await bare.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "carReason");
        Assert.Equal("The trip is 3 km one way, an e-bike distance, and a bike is free: say why a car is needed.",
            problem.GetProperty("errors").GetProperty("carReason")[0].GetString());
        var fraction = await (await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, Day(7, 9), Day(7, 10), distanceKm: 2.75)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "carReason");
        Assert.StartsWith("The trip is 2.8 km one way", fraction.GetProperty("errors").GetProperty("carReason")[0].GetString(), StringComparison.Ordinal); // one decimal
        var withReason = await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, Day(7, 9), Day(7, 10), distanceKm: 3, carReason: "weather"));

        Assert.Equal(HttpStatusCode.Created, withReason.StatusCode);
        Assert.Equal("weather", (await withReason.JsonAsync()).GetProperty("carReason").GetString());
    }

    [Fact]
    public async Task Change_BikeBookingToCarForShortTrip_422NamingCarReasonThenStoredWithReason()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var created = await staff.BookAsync(ApiCalls.Booking(App.Ids.EBike, Day(15, 9), Day(15, 10), distanceKm: 3));
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();

        await (await staff.PutAsJsonAsync($"/api/bookings/{id}", new { vehicleId = App.Ids.ElectricCar }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "carReason");
        var moved = await staff.PutAsJsonAsync($"/api/bookings/{id}", new { vehicleId = App.Ids.ElectricCar, carReason = "equipment" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.JsonAsync();
        Assert.Equal(("equipment", App.Ids.ElectricCar, 84.0), (body.GetProperty("carReason").GetString(), body.GetProperty("vehicleId").GetInt32(),
            body.GetProperty("estimatedCo2eGrams").GetDouble())); // 6 km × 14 g/km
    }

    [Fact]
    public async Task Create_CarForShortTripWhenNoBikeFree_ReasonSetToNoBikeAvailable()
    {
        var manager = await App.ClientForAsync(TestData.Fleet);
        foreach (var bike in new[] { App.Ids.EBike, App.Ids.Bike })
        {
            Assert.Equal(HttpStatusCode.Created, (await manager.BookAsync(ApiCalls.Booking(bike, Day(8, 9), Day(8, 12), distanceKm: 3))).StatusCode);
        }
        var staff = await App.ClientForAsync(TestData.Staff);

        var response = await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, Day(8, 10), Day(8, 11), distanceKm: 3));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(CarReasons.NoBikeAvailable, (await response.JsonAsync()).GetProperty("carReason").GetString());
    }

    [Fact]
    public async Task Create_PetrolCarWhileElectricFree_422NamingFossilReasonUntilElectricTaken()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        await (await staff.BookAsync(ApiCalls.Booking(App.Ids.PetrolCar, Day(9, 9), Day(9, 10))))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "fossilReason");

        var manager = await App.ClientForAsync(TestData.Fleet);
        var electric = await App.QueryAsync(db => db.Vehicles.Where(v => v.SiteId == App.Ids.OpenSite && v.Fuel == Core.Fleet.FuelType.Electric
            && v.Kind == Core.Fleet.VehicleKind.Car).Select(v => v.Id).ToListAsync());
        foreach (var id in electric)
        {
            Assert.Equal(HttpStatusCode.Created, (await manager.BookAsync(ApiCalls.Booking(id, Day(9, 8), Day(9, 12)))).StatusCode);
        }
        var response = await staff.BookAsync(ApiCalls.Booking(App.Ids.PetrolCar, Day(9, 9), Day(9, 10)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await response.JsonAsync()).GetProperty("fossilReason").ValueKind);
    }

    // One rule, one place: what availability says a vehicle needs is exactly what booking it without reasons refuses.
    [Theory]
    [InlineData(3.0, 4)]
    [InlineData(40.0, 18)]
    public async Task Availability_NeedsReasonFlags_MatchWhatBookingWithoutReasonsRefuses(double km, int firstDay)
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var day = firstDay;
        var vehicles = await FreeAtOpenSiteAsync(staff, day, km);
        Assert.Contains(vehicles, v => v.Car || v.Fossil); // the case under test occurs
        foreach (var (id, needsCar, needsFossil) in vehicles)
        {
            var slot = await FreeAtOpenSiteAsync(staff, ++day, km); // a fresh day each, so earlier bookings do not change the answer
            var expected = slot.Single(v => v.Id == id);

            var response = await staff.BookAsync(ApiCalls.Booking(id, $"2026-05-{day:00}T09:00:00+02:00", $"2026-05-{day:00}T10:00:00+02:00", distanceKm: km));

            var errors = response.StatusCode == HttpStatusCode.UnprocessableEntity ? (await response.JsonAsync()).GetProperty("errors") : default;
            Assert.Equal((expected.Car, expected.Fossil, !expected.Car && !expected.Fossil),
                (errors.ValueKind == System.Text.Json.JsonValueKind.Object && errors.TryGetProperty("carReason", out _),
                 errors.ValueKind == System.Text.Json.JsonValueKind.Object && errors.TryGetProperty("fossilReason", out _),
                 response.StatusCode == HttpStatusCode.Created));
            Assert.Equal((needsCar, needsFossil), (expected.Car, expected.Fossil));
        }
    }

    private async Task<List<(int Id, bool Car, bool Fossil)>> FreeAtOpenSiteAsync(HttpClient client, int day, double km)
    {
        var result = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/availability?site={App.Ids.OpenSite}&from=2026-05-{day:00}T09:00:00%2B02:00&to=2026-05-{day:00}T10:00:00%2B02:00&distanceKm={km.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return result.GetProperty("vehicles").EnumerateArray().Where(v => v.GetProperty("reasonUnavailable").ValueKind == System.Text.Json.JsonValueKind.Null)
            .Select(v => (v.GetProperty("vehicle").GetProperty("id").GetInt32(), v.GetProperty("needsCarReason").GetBoolean(), v.GetProperty("needsFossilReason").GetBoolean()))
            .ToList();
    }

    [Fact]
    public async Task Availability_SundayAtWeekdaySite_SaysWhyAndOffersMondayOpeningAndTheOpenSite()
    {
        var staff = await App.ClientForAsync(TestData.Staff);

        var result = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/availability?site={App.Ids.WeekdaySite}&from=2026-04-12T10:00:00%2B02:00&to=2026-04-12T11:00:00%2B02:00&distanceKm=3");

        Assert.NotEqual(0, result.GetProperty("slotProblems").GetArrayLength());
        Assert.Equal("2026-04-13T07:00:00+02:00", result.GetProperty("nextOpening").GetString());
        Assert.Equal([App.Ids.OpenSite], result.GetProperty("openSites").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task ParseTrip_SwedishPhrase_FieldsAndPlace()
    {
        await AddPlaceAsync("Vårby gård bibliotek");
        var staff = await App.ClientForAsync(TestData.Staff);

        var parsed = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/trips/parse?q=" + Uri.EscapeDataString("elcykel i morgon 10–12 till varby gard för tillsyn"));

        Assert.Equal(("eBike", "2026-03-17T10:00:00+01:00", "2026-03-17T12:00:00+01:00", "Vårby gård bibliotek", "tillsyn"),
            (parsed.GetProperty("kind").GetString(), parsed.GetProperty("start").GetString(), parsed.GetProperty("end").GetString(),
             parsed.GetProperty("placeName").GetString(), parsed.GetProperty("purpose").GetString()));
        Assert.Equal(0, parsed.GetProperty("notUnderstood").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=")]
    public async Task ParseTrip_NoText_400NamingQ(string query)
    {
        var staff = await App.ClientForAsync(TestData.Staff);

        await (await staff.GetAsync("/api/trips/parse?" + query)).AssertProblemAsync(HttpStatusCode.BadRequest, "q");
    }

    [Theory]
    [InlineData("distanceKm=201&passengers=1", "rangeTooShort")] // the cars' 400 km do not cover 2 × 201 km
    [InlineData("distanceKm=200&passengers=6", "tooFewSeats")]   // 400 km covers the round trip; five seats do not take six
    public async Task Availability_TripBeyondTheCars_EachCarSaysWhyItIsNotOffered(string trip, string reason)
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var result = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/availability?site={App.Ids.OpenSite}&from=2026-04-13T09:00:00%2B02:00&to=2026-04-13T10:00:00%2B02:00&{trip}");
        var kia = result.GetProperty("vehicles").EnumerateArray().Single(v => v.GetProperty("vehicle").GetProperty("id").GetInt32() == App.Ids.ElectricCar);
        Assert.Equal(reason, kia.GetProperty("reasonUnavailable").GetString());
    }

    [Theory]
    [InlineData(201, null, "distanceKm", "Kia e-Niro's range (400 km) does not cover the round trip.")]
    [InlineData(200, 6, "passengers", "Kia e-Niro has 5 seats; the trip is for 6.")]
    public async Task Create_VehicleAvailabilityMarksUnfit_422NamingTheFieldAndNothingStored(double km, int? passengers, string field, string message)
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var response = await staff.BookAsync(new
        {
            vehicleId = App.Ids.ElectricCar, start = Day(14, 9), end = Day(14, 10), purpose = "Studieresa", costCenter = TestData.CostCenter,
            distanceKm = km, passengers,
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal([message], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync(b => b.Purpose == "Studieresa" && b.Start == Instant.FromUtc(2026, 4, 14, 7, 0))));
    }

    [Fact]
    public async Task Create_VehicleJustFits_Created()
    {
        var staff = await App.ClientForAsync(TestData.Staff);

        var response = await staff.BookAsync(new
        {
            vehicleId = App.Ids.ElectricCar, start = Day(14, 12), end = Day(14, 13), purpose = "Studieresa", costCenter = TestData.CostCenter,
            distanceKm = 200, passengers = 5,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Change_ToCarWithTooFewSeatsForTheBookedPassengers_422NamingPassengersAndUnchanged()
    {
        var (_, cars) = await App.NewSiteAsync(2);
        await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == cars[0]).ExecuteUpdateAsync(u => u.SetProperty(v => v.Seats, 7)));
        var staff = await App.ClientForAsync(TestData.Staff);
        var created = await staff.BookAsync(new
        {
            vehicleId = cars[0], start = "2026-03-18T09:00:00+01:00", end = "2026-03-18T11:00:00+01:00", purpose = "Studieresa",
            costCenter = TestData.CostCenter, distanceKm = 30, passengers = 6,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.JsonAsync();
        Assert.Equal(6, booking.GetProperty("passengers").GetInt32());
        var id = booking.GetProperty("id").GetInt32();

        var moved = await staff.PutAsJsonAsync($"/api/bookings/{id}", new { vehicleId = cars[1] });

        var problem = await moved.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "passengers");
        Assert.EndsWith("has 5 seats; the trip is for 6.", problem.GetProperty("errors").GetProperty("passengers")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(cars[0], await App.QueryAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.VehicleId).SingleAsync()));
    }

    [Fact]
    public async Task Availability_PlaceThreeKmAway_RoadEstimateAdviceAndBikeThenEBikeThenFossilFreeFirst()
    {
        var place = await AddPlaceAsync("Skolan i norr");
        var staff = await App.ClientForAsync(TestData.Staff);

        var result = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>(
            $"/api/availability?site={App.Ids.OpenSite}&from=2026-04-10T09:00:00%2B02:00&to=2026-04-10T10:00:00%2B02:00&placeId={place}");

        var advice = result.GetProperty("advice");
        Assert.Equal(4.02, advice.GetProperty("distanceKm").GetDouble(), 2);
        Assert.Equal(["bike", "eBike"], advice.GetProperty("modes").EnumerateArray().Select(m => m.GetProperty("mode").GetString()));
        Assert.Equal(13.4, advice.GetProperty("modes")[1].GetProperty("oneWayMinutes").GetDouble());
        Assert.Equal("electric", advice.GetProperty("car").GetProperty("fuel").GetString());
        var free = result.GetProperty("vehicles").EnumerateArray().Where(v => v.GetProperty("reasonUnavailable").ValueKind == System.Text.Json.JsonValueKind.Null)
            .Select(v => v.GetProperty("vehicle")).ToList();
        Assert.Equal(["bike", "eBike"], free.Take(2).Select(v => v.GetProperty("kind").GetString()));
        Assert.Equal("petrol", free[^1].GetProperty("fuel").GetString());
        Assert.All(free.Skip(2).SkipLast(1), v => Assert.True(v.GetProperty("fossilIndependent").GetBoolean()));
    }

    [Fact]
    public async Task Create_UnknownPlace_400NamingPlaceIdWithItsMessage()
    {
        var staff = await App.ClientForAsync(TestData.Staff);

        var response = await staff.BookAsync(new { vehicleId = App.Ids.EBike, start = Day(16, 9), end = Day(16, 10), purpose = "Hembesök",
            costCenter = TestData.CostCenter, placeId = 999_999 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "placeId");
        Assert.Equal("No place with this id.", problem.GetProperty("errors").GetProperty("placeId")[0].GetString());
        Assert.Equal(0, await App.QueryAsync(db => db.Bookings.CountAsync(b => b.Purpose == "Hembesök" && b.VehicleId == App.Ids.EBike && b.Start == Instant.FromUtc(2026, 4, 16, 7, 0))));
    }

    [Fact]
    public async Task Create_OpenPlaceWithoutText_KeepsThePlaceItsNameAndTheRoadDistance()
    {
        var place = await AddPlaceAsync("Biblioteket");
        var staff = await App.ClientForAsync(TestData.Staff);

        var response = await staff.BookAsync(new { vehicleId = App.Ids.EBike, start = Day(16, 11), end = Day(16, 12), purpose = "Möte",
            costCenter = TestData.CostCenter, placeId = place });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(("Biblioteket", place, 4.02), (body.GetProperty("destination").GetString(), body.GetProperty("destinationPlaceId").GetInt32(),
            Math.Round(body.GetProperty("distanceKm").GetDouble(), 2)));
    }

    // The approval rule asks whether a fossil-free car was free; only a fossil car can be booked "while one was free".
    [Fact]
    public async Task Create_UnderTheFossilApprovalRule_OnlyTheFossilCarWaits()
    {
        var fleet = await App.ClientForAsync(TestData.Fleet);
        var added = await fleet.PostAsJsonAsync("/api/approval-rules", new { kind = "fossilWhileFossilFreeFree", approver = "fleetManager" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var rule = (await added.JsonAsync()).GetProperty("id").GetInt32();
        try
        {
            var staff = await App.ClientForAsync(TestData.Staff);
            var trips = new[] { (App.Ids.EBike, 9, 3.0), (App.Ids.ElectricCar, 11, 25.0), (App.Ids.PetrolCar, 13, 25.0) };
            var statuses = new List<string?>();
            foreach (var (vehicle, hour, km) in trips)
            {
                var response = await staff.BookAsync(ApiCalls.Booking(vehicle, Day(17, hour), Day(17, hour + 1), distanceKm: km, fossilReason: ApiCalls.TowBar));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                statuses.Add((await response.JsonAsync()).GetProperty("status").GetString());
            }

            Assert.Equal(["reserved", "reserved", "pending"], statuses);
        }
        finally
        {
            (await fleet.DeleteAsync($"/api/approval-rules/{rule}")).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Create_ConfidentialDestination_KeepsOnlyDistanceAndEstimatesCo2()
    {
        var place = await AddPlaceAsync("Brukare (skyddad)", confidential: true);
        var staff = await App.ClientForAsync(TestData.Staff);

        var response = await staff.BookAsync(new { vehicleId = App.Ids.EBike, start = Day(13, 9), end = Day(13, 10), purpose = "Hembesök",
            costCenter = TestData.CostCenter, placeId = place, destination = "Storgatan 5" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetInt32();
        var stored = await App.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == id));
        Assert.Equal((4.02, (string?)null, (int?)null), (Math.Round(stored.DistanceKm!.Value, 2), stored.Destination, stored.DestinationPlaceId));
        Assert.Equal(5, stored.EstimatedCo2eGrams); // 2 × 4.02 km × 0.6 g/km = 4.8 g
    }

    [Fact]
    public async Task Create_ConfidentialFlagOnAnOpenPlace_KeepsNeitherTextNorPlaceOnlyTheDistance()
    {
        var place = await AddPlaceAsync("Vårdcentralen");
        var staff = await App.ClientForAsync(TestData.Staff);

        var response = await staff.BookAsync(new { vehicleId = App.Ids.EBike, start = Day(13, 11), end = Day(13, 12), purpose = "Besök, flaggat skyddat",
            costCenter = TestData.CostCenter, placeId = place, destination = "Storgatan 5", confidentialDestination = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal((System.Text.Json.JsonValueKind.Null, System.Text.Json.JsonValueKind.Null), (body.GetProperty("destination").ValueKind, body.GetProperty("destinationPlaceId").ValueKind));
        var id = body.GetProperty("id").GetInt32();
        var stored = await App.QueryAsync(db => db.Bookings.SingleAsync(b => b.Id == id));
        Assert.Equal((4.02, (string?)null, (int?)null), (Math.Round(stored.DistanceKm!.Value, 2), stored.Destination, stored.DestinationPlaceId));
        var csv = await (await App.ClientForAsync(TestData.Fleet)).GetStringAsync("/api/exports/bookings.csv?from=2026-04-13&to=2026-04-13");
        Assert.Contains("Besök, flaggat skyddat", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Storgatan", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Vårdcentralen", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_ElectricCar_ActualKmAndCo2FromOdometer()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var booked = await staff.BookAsync(ApiCalls.Booking(App.Ids.ElectricCar, Day(14, 9), Day(14, 11), distanceKm: 25));
        var body = await booked.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal(700, body.GetProperty("estimatedCo2eGrams").GetDouble()); // 50 km × 14 g/km
        App.Clock.Reset(Instant.FromUtc(2026, 4, 14, 7, 0));
        try
        {
            var mileage = await App.QueryAsync(db => db.Vehicles.Where(v => v.Id == App.Ids.ElectricCar).Select(v => v.LastOdometerKm).SingleAsync());
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { odometerKm = mileage, batteryPercent = 90 })).StatusCode);
            App.Clock.Reset(Instant.FromUtc(2026, 4, 14, 9, 0)); // two hours out: 42 km is a plausible trip
            var returned = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { odometerKm = mileage + 42, batteryPercent = 70 });

            Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
            var json = await returned.JsonAsync();
            Assert.Equal((42.0, 588.0), (json.GetProperty("actualKm").GetDouble(), json.GetProperty("actualCo2eGrams").GetDouble())); // 42 km × 14 g/km
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task CheckIn_EBike_ActualKmIsTheRoundTripWithoutAnOdometer()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        var booked = await staff.BookAsync(ApiCalls.Booking(App.Ids.EBike, Day(20, 9), Day(20, 10), distanceKm: 3));
        var id = (await booked.JsonAsync()).GetProperty("id").GetInt32();
        App.Clock.Reset(Instant.FromUtc(2026, 4, 20, 7, 0));
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/bookings/{id}/checkout", new { })).StatusCode);
            App.Clock.Reset(Instant.FromUtc(2026, 4, 20, 8, 0));
            var returned = await staff.PostAsJsonAsync($"/api/bookings/{id}/checkin", new { });

            Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
            var json = await returned.JsonAsync();
            Assert.Equal((6.0, 4.0), (json.GetProperty("actualKm").GetDouble(), json.GetProperty("actualCo2eGrams").GetDouble())); // 2 × 3 km × 0.6 g/km = 3.6 g
        }
        finally
        {
            App.Clock.Reset(FleetPoolFactory.Monday8);
        }
    }

    [Fact]
    public async Task Places_StaffAddsOrBadCoordinates_403Or400NamingLatitude()
    {
        var staff = await App.ClientForAsync(TestData.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/places", new { name = "X", latitude = 59.0, longitude = 18.0 })).StatusCode);
        var manager = await App.ClientForAsync(TestData.Fleet);
        await (await manager.PostAsJsonAsync("/api/places", new { name = "Y", latitude = 91.0, longitude = 18.0 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "latitude");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/places?search=skola")).StatusCode);
    }

    [Fact]
    public async Task Places_ConfidentialPlace_PositionHiddenFromOtherDepartmentShownToFleetManager()
    {
        await AddPlaceAsync("Skyddad brukare", confidential: true, owner: App.Ids.OtherDepartment);
        async Task<System.Text.Json.JsonElement> FindAsync(string email) =>
            (await (await App.ClientForAsync(email)).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/places?search=Skyddad%20brukare"))[0];

        var seenByStaff = await FindAsync(TestData.Staff);
        var seenByManager = await FindAsync(TestData.Fleet);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, seenByStaff.GetProperty("latitude").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seenByStaff.GetProperty("address").ValueKind);
        Assert.Equal(ThreeKmNorth, seenByManager.GetProperty("latitude").GetDouble(), 9);
    }
}

public sealed class SteeringApiTestsOnSqlite(SqliteApp app) : SteeringApiTests<SqliteApp>(app);

public sealed class SteeringApiTestsOnPostgres(PostgresApp app) : SteeringApiTests<PostgresApp>(app);
