using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetPool.Core.Bookings;
using FleetPool.Core.Data;
using FleetPool.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace FleetPool.Web.Tests;

public abstract class CostReportTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : FleetPoolFactory
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 2, 2, 8, 0);

    private async Task SeedAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync();
        if (await db.Bookings.AnyAsync(b => b.Purpose == "Kostnadstest"))
        {
            return;
        }
        var costCenter = await db.CostCenters.Select(c => c.Id).FirstAsync();
        Booking Trip(int vehicle, int booker, int hours, double km, int day) => new()
        {
            VehicleId = vehicle, BookerId = booker, Start = Nine + Duration.FromDays(day), End = Nine + Duration.FromDays(day) + Duration.FromHours(hours),
            ReturnedAt = Nine + Duration.FromDays(day) + Duration.FromHours(hours), BlockedUntil = Nine + Duration.FromDays(day) + Duration.FromHours(hours),
            Status = BookingStatus.Returned, Purpose = "Kostnadstest", CostCenterId = costCenter, ActualKm = km, CreatedAt = Nine,
        };
        db.Bookings.AddRange(
            Trip(App.Ids.ElectricCar, App.Ids.Staff, 3, 42, 0),        // 3 × 95 + 42 = 327
            Trip(App.Ids.PetrolCar, App.Ids.Staff, 30, 100, 1),        // 2 days 900 + 100 = 1000
            Trip(App.Ids.EBike, App.Ids.Staff, 2, 8, 3),               // bikes are free
            Trip(App.Ids.ElectricCar, App.Ids.FleetManager, 1, 10, 4),  // another department: 95 + 10 = 105
            // Three colleagues' free bike trips, so that the lead's department has enough trips and people to be shown.
            Trip(App.Ids.Bike, App.Ids.Unlicensed, 1, 4, 5), Trip(App.Ids.Bike, App.Ids.Lead, 1, 4, 6), Trip(App.Ids.Bike, App.Ids.Leaver, 1, 4, 7));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Costs_HandMadeTrips_TariffSummedPerDepartmentAndCostCentre()
    {
        await SeedAsync();
        var r = await (await App.ClientForAsync(TestData.Fleet)).GetFromJsonAsync<JsonElement>("/api/reports/costs?from=2026-02-01&to=2026-02-28");

        Assert.Equal(1432m, r.GetProperty("totalSek").GetDecimal()); // 327 + 1000 + 0 + 105
        var departments = r.GetProperty("byDepartment").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("sek").GetDecimal());
        Assert.Equal(1327m, departments["Hemtjänst"]);
        Assert.Equal(105m, departments["Bygglov"]);
        Assert.Equal(1432m, Assert.Single(r.GetProperty("byCostCentre").EnumerateArray()).GetProperty("sek").GetDecimal());
    }

    [Fact]
    public async Task Costs_LeadOwnDepartmentOnlyStaffRefused()
    {
        await SeedAsync();
        var r = await (await App.ClientForAsync(TestData.Lead)).GetFromJsonAsync<JsonElement>("/api/reports/costs?from=2026-02-01&to=2026-02-28");
        Assert.Equal(1327m, r.GetProperty("totalSek").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ClientForAsync(TestData.Staff)).GetAsync("/api/reports/costs")).StatusCode);
    }

    [Fact]
    public async Task Costs_LeadOneDayOrFewPeople_422ButFleetManagerSeesIt()
    {
        await SeedAsync();
        var lead = await App.ClientForAsync(TestData.Lead);

        await (await lead.GetAsync("/api/reports/costs?from=2026-02-02&to=2026-02-02")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "from");
        // 2-4 February: three trips, all by one person.
        await (await lead.GetAsync("/api/reports/costs?from=2026-02-01&to=2026-02-07")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "from");
        Assert.Equal(HttpStatusCode.OK, (await (await App.ClientForAsync(TestData.Fleet)).GetAsync("/api/reports/costs?from=2026-02-02&to=2026-02-02")).StatusCode);
    }

    [Fact]
    public async Task Costs_LateAndEarlyReturnsWithoutRecordedKm_ChargedToTheReturnKmFromTheOdometer()
    {
        var october = Instant.FromUtc(2025, 10, 6, 7, 0);
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<FleetPoolDb>>().CreateDbContextAsync())
        {
            if (!await db.Bookings.AnyAsync(b => b.Purpose == "Kostnadstest retur"))
            {
                var costCenter = await db.CostCenters.Select(c => c.Id).FirstAsync();
                Booking Trip(int day, int bookedHours, int returnedAfterHours, double? km, int? odometerOut, int? odometerIn) => new()
                {
                    VehicleId = App.Ids.ElectricCar, BookerId = App.Ids.Staff, Start = october + Duration.FromDays(day),
                    End = october + Duration.FromDays(day) + Duration.FromHours(bookedHours), BlockedUntil = october + Duration.FromDays(day) + Duration.FromHours(bookedHours),
                    ReturnedAt = october + Duration.FromDays(day) + Duration.FromHours(returnedAfterHours), Status = BookingStatus.Returned,
                    Purpose = "Kostnadstest retur", CostCenterId = costCenter, ActualKm = km, OdometerOutKm = odometerOut, OdometerInKm = odometerIn, CreatedAt = october,
                };
                db.Bookings.AddRange(
                    Trip(0, bookedHours: 2, returnedAfterHours: 4, km: null, odometerOut: 1000, odometerIn: 1037), // late: 4 h × 95 + 37 km = 417
                    Trip(2, bookedHours: 8, returnedAfterHours: 1, km: 12, odometerOut: null, odometerIn: null));  // early: 95 + 12 = 107
                await db.SaveChangesAsync();
            }
        }

        var r = await (await App.ClientForAsync(TestData.Fleet)).GetFromJsonAsync<JsonElement>("/api/reports/costs?from=2025-10-01&to=2025-10-31");

        Assert.Equal(524m, r.GetProperty("totalSek").GetDecimal()); // charged to the booked ends it would be 190 + 37 + 8 h (capped at a day, 450) + 12 = 689
        var line = Assert.Single(r.GetProperty("byDepartment").EnumerateArray());
        Assert.Equal((2, 49.0), (line.GetProperty("bookings").GetInt32(), line.GetProperty("km").GetDouble()));
    }
}

public sealed class CostReportTestsOnSqlite(SqliteApp app) : CostReportTests<SqliteApp>(app);

public sealed class CostReportTestsOnPostgres(PostgresApp app) : CostReportTests<PostgresApp>(app);
