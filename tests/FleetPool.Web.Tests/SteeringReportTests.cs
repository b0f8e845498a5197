using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

/// <summary>The steering report on a hand-made week at the always-open site (its active cars: two electric at 14 g/km, one petrol at 167).</summary>
public abstract class SteeringReportTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 2, 9, 8, 0); // Monday 9 February, 09:00 local

    private async Task SeedWeekAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        if (await db.Bookings.AnyAsync(b => b.Purpose == "Rapporttest"))
        {
            return;
        }
        var costCenter = await db.CostCenters.Select(c => c.Id).FirstAsync();
        var ids = App.Ids;
        var racebil = await db.Vehicles.Where(v => v.Name == "Racebil").Select(v => v.Id).SingleAsync();
        Booking Trip(int vehicle, double startHours, double endHours, double km, string? reason, int? booker = null) => new()
        {
            VehicleId = vehicle, Start = Nine + Duration.FromMinutes(startHours * 60), End = Nine + Duration.FromMinutes(endHours * 60),
            BlockedUntil = Nine + Duration.FromMinutes(endHours * 60 + 15), Status = BookingStatus.Returned, BookerId = booker ?? ids.Staff,
            Purpose = "Rapporttest", CostCenterId = costCenter, DistanceKm = km, CarReason = reason, CreatedAt = Nine - Duration.FromDays(1),
        };
        db.Bookings.AddRange(
            Trip(ids.ElectricCar, 0, 1, 3, "weather"),            // short car trip, movable
            Trip(racebil, 0.5, 1.5, 4, null),                      // overlaps the first: two at once
            Trip(ids.PetrolCar, 0.5, 2, 6, "passengers"),          // short, but a bike cannot take passengers
            Trip(ids.ElectricCar, 4, 5, 8, "timeCritical"),        // movable, alone
            Trip(ids.PetrolCar, 4, 6, 20, null),                   // not short
            Trip(ids.EBike, 1, 2, 5, null),                        // 10 km by e-bike
            Trip(ids.Bike, 3, 4, 2, null),                         // 4 km by bike
            Trip(ids.ElectricCar, 6, 7, 2, null, ids.FleetManager)); // another department
        await db.SaveChangesAsync();
    }

    private async Task<JsonElement> ReportAsync(string email, string query, HttpStatusCode expected = HttpStatusCode.OK)
    {
        await SeedWeekAsync();
        var response = await (await App.ClientForAsync(email)).GetAsync($"/api/reports/steering?from=2026-02-09&to=2026-02-15{query}");
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.OK ? await response.JsonAsync() : default;
    }

    [Fact]
    public async Task Steering_OneDepartmentHandMadeWeek_CountsSharesReasonsAvoidedAndInventory()
    {
        var r = await ReportAsync(TestData.Fleet, $"&department={App.Ids.Department}");

        Assert.Equal(6, r.GetProperty("shortTrips").GetInt32());
        var modes = r.GetProperty("byMode").EnumerateArray().ToDictionary(m => m.GetProperty("mode").GetString()!, m => (m.GetProperty("trips").GetInt32(), m.GetProperty("km").GetDouble()));
        Assert.Equal((1, 4.0), modes["bike"]);
        Assert.Equal((1, 10.0), modes["eBike"]);
        Assert.Equal((4, 42.0), modes["car"]);                  // 2 × (3 + 4 + 6 + 8)
        Assert.Equal(2.0 / 6, r.GetProperty("bikeShare").GetDouble(), 9);
        Assert.Equal(["none", "passengers", "timeCritical", "weather"], r.GetProperty("carReasons").EnumerateArray().Select(c => c.GetProperty("reason").GetString()));
        // Site average car 65 g/km ((14 + 14 + 167) / 3): e-bike 10 km × 64.4 = 644 g, bike 4 km × 65 = 260 g → 0.904 kg.
        Assert.Equal(0.9, r.GetProperty("co2eAvoidedKg").GetDouble());
        Assert.Equal((3, 0.5), (r.GetProperty("tripsAdviceWouldMove").GetInt32(), r.GetProperty("shareAdviceWouldMove").GetDouble()));
        var site = r.GetProperty("inventory").EnumerateArray().Single(s => s.GetProperty("siteId").GetInt32() == App.Ids.OpenSite);
        // Demand: three movable car trips and the e-bike's own trip (09:00–10:00, 09:30–10:30, 10:00–11:00, 13:00–14:00):
        // at most two at once; four trips, 90 % = 3.6 → all four → two e-bikes.
        Assert.Equal((4, 3, 1, 2, 2, 1), (site.GetProperty("shortCarTrips").GetInt32(), site.GetProperty("eBikeTrips").GetInt32(),
            site.GetProperty("existingEBikeTrips").GetInt32(), site.GetProperty("peakConcurrent").GetInt32(),
            site.GetProperty("eBikesFor90Percent").GetInt32(), site.GetProperty("eBikesNow").GetInt32()));
    }

    [Fact]
    public async Task Steering_Board_CountsEveryDepartmentUnderIt()
    {
        var board = await App.QueryAsync(db => db.OrgUnits.Where(u => u.Id == App.Ids.Department).Select(u => u.ParentId!.Value).SingleAsync());

        var r = await ReportAsync(TestData.Fleet, $"&department={board}");

        // Both fixture departments are under Kommunstyrelsen: 6 + 1 trips (was 0: the bookers' departments were matched
        // exactly against the board's id).
        Assert.Equal(7, r.GetProperty("shortTrips").GetInt32());
        Assert.Equal(board, r.GetProperty("departmentId").GetInt32());
    }

    [Fact]
    public async Task Steering_NoPeriod_ExactlyTheLast90DaysTodayIncluded()
    {
        var r = await (await App.ClientForAsync(TestData.Fleet)).GetFromJsonAsync<JsonElement>("/api/reports/steering");

        var (from, to) = (LocalDate.FromDateTime(DateTime.Parse(r.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
            LocalDate.FromDateTime(DateTime.Parse(r.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(90, Period.Between(from, to, PeriodUnits.Days).Days + 1);
    }

    [Fact]
    public async Task Steering_ToInTheFuture_400NamingTo()
    {
        var response = await (await App.ClientForAsync(TestData.Fleet)).GetAsync("/api/reports/steering?from=2026-03-01&to=2027-01-01");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "to");
    }

    [Theory]
    [InlineData("/api/reports/steering?from=2020-01-01&to=2026-03-01")]
    [InlineData("/api/reports/costs?from=2024-03-01&to=2026-03-02")]
    [InlineData("/api/exports/bookings.csv?from=2016-01-01&to=2026-03-01")]
    public async Task Report_PeriodLongerThanTwoYears_400NamingTo(string path)
    {
        var response = await (await App.ClientForAsync(TestData.Fleet)).GetAsync(path);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "to");
    }

    [Fact]
    public async Task Report_PeriodOfExactlyTwoYears_Answered()
    {
        var response = await (await App.ClientForAsync(TestData.Fleet)).GetAsync("/api/reports/costs?from=2024-03-01&to=2026-03-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Steering_WholeOrganisation_IncludesOtherDepartment()
    {
        var r = await ReportAsync(TestData.Fleet, "");
        Assert.Equal(7, r.GetProperty("shortTrips").GetInt32());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("departmentId").ValueKind);
    }

    [Fact]
    public async Task Steering_LeadOwnOtherStaff_OwnOnlyElse403()
    {
        // The lead's own department: six trips, all by one person, so refused as identifying (see the next test).
        await SeedWeekAsync();
        var own = await (await App.ClientForAsync(TestData.Lead)).GetAsync("/api/reports/steering?from=2026-02-09&to=2026-02-15");
        var problem = await own.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "from");
        Assert.Contains("fewer than 3", problem.GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        await ReportAsync(TestData.Lead, $"&department={App.Ids.OtherDepartment}", HttpStatusCode.Forbidden);
        await ReportAsync(TestData.Staff, "", HttpStatusCode.Forbidden);
        var bad = await (await App.ClientForAsync(TestData.Fleet)).GetAsync("/api/reports/steering?from=2026-02-31");
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "from");
    }

    [Fact]
    public async Task Steering_LeadEnoughPeople_SmallCellsHiddenWithTheNextSmallest()
    {
        var monday = Instant.FromUtc(2026, 2, 16, 8, 0);
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync())
        {
            var costCenter = await db.CostCenters.Select(c => c.Id).FirstAsync();
            var people = new[] { App.Ids.Staff, App.Ids.Unlicensed, App.Ids.Leaver };
            var n = 0;
            Booking Trip(int vehicle, int booker) => new()
            {
                VehicleId = vehicle, Start = monday + Duration.FromHours(2 * n), End = monday + Duration.FromHours(2 * n + 1),
                BlockedUntil = monday + Duration.FromHours(2 * n++ + 1), Status = BookingStatus.Returned, BookerId = booker,
                Purpose = "Småcellstest", CostCenterId = costCenter, DistanceKm = 3, CreatedAt = monday - Duration.FromDays(1),
            };
            db.Bookings.AddRange(Enumerable.Range(0, 6).Select(i => Trip(App.Ids.Bike, people[i % 3])));   // 6 bike trips, 3 people
            db.Bookings.AddRange(Enumerable.Range(0, 7).Select(i => Trip(App.Ids.EBike, people[i % 3])));  // 7 e-bike trips, 3 people
            db.Bookings.AddRange(Enumerable.Range(0, 2).Select(_ => Trip(App.Ids.ElectricCar, App.Ids.Staff))); // 2 car trips, one person
            await db.SaveChangesAsync();
        }
        const string week = "/api/reports/steering?from=2026-02-16&to=2026-02-22";
        static Dictionary<string, JsonElement> Modes(JsonElement r) => r.GetProperty("byMode").EnumerateArray().ToDictionary(m => m.GetProperty("mode").GetString()!, m => m.GetProperty("trips"));

        var lead = Modes(await (await App.ClientForAsync(TestData.Lead)).GetFromJsonAsync<JsonElement>(week));
        var manager = Modes(await (await App.ClientForAsync(TestData.Fleet)).GetFromJsonAsync<JsonElement>(week + $"&department={App.Ids.Department}"));

        Assert.Equal(JsonValueKind.Null, lead["car"].ValueKind);  // 2 trips by one person
        Assert.Equal(JsonValueKind.Null, lead["bike"].ValueKind); // the next smallest, or total − e-bike would give the car away
        Assert.Equal(7, lead["eBike"].GetInt32());
        var leadReport = await (await App.ClientForAsync(TestData.Lead)).GetFromJsonAsync<JsonElement>(week);
        Assert.Equal(JsonValueKind.Null, leadReport.GetProperty("tripsAdviceWouldMove").ValueKind); // 2 movable car trips by one person
        Assert.Equal((6, 7, 2), (manager["bike"].GetInt32(), manager["eBike"].GetInt32(), manager["car"].GetInt32()));
        await (await (await App.ClientForAsync(TestData.Lead)).GetAsync("/api/reports/steering?from=2026-02-16&to=2026-02-18"))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "from"); // three days
    }
}

public sealed class SteeringReportTestsOnSqlite(SqliteApp app) : SteeringReportTests<SqliteApp>(app);

public sealed class SteeringReportTestsOnPostgres(PostgresApp app) : SteeringReportTests<PostgresApp>(app);
